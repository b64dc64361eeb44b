import type { Role, User } from '../api/types.ts';
import type en from '../i18n/en.json';
import { AREA_LIST } from '../areas/registry.ts';

/** A translation key a navigation link may use as its label. */
export type NavLabel = `nav.${'catalog' | 'account'}` | `nav.areas.${keyof typeof en.nav.areas}`;

/** One link in the main navigation. */
export interface NavItem {
  to: string;
  label: NavLabel;
  /** Only signed-in users holding one of these roles see the link; without roles, everyone does. */
  roles?: readonly Role[];
}

/**
 * The links of the main navigation: the catalog, then each registered area's own (an area declares
 * e.g. `{ to: '/seller', label: 'nav.areas.seller', roles: ['seller'] }` in its `area.tsx`).
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/products', label: 'nav.catalog' },
  ...AREA_LIST.flatMap((area) => area.nav ?? []),
];

/** The links a user (or an anonymous visitor, when null) may see. */
export function visibleNav(user: User | null, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => user?.roles.includes(role)));
}

/** The role-restricted areas a user may open: their workspaces. */
export function workspacesOf(user: User | null, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return visibleNav(user, items).filter((item) => item.roles);
}
