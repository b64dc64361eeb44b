import type { Role, User } from '../api/types.ts';
import type en from '../i18n/en.json';

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
 * The areas the app has. A new area is one more line here (and its routes in router.tsx), e.g.
 * `{ to: '/seller', label: 'nav.areas.seller', roles: ['seller'] }`. Link only to areas that exist.
 */
export const NAV_ITEMS: readonly NavItem[] = [{ to: '/products', label: 'nav.catalog' }];

/** The links a user (or an anonymous visitor, when null) may see. */
export function visibleNav(user: User | null, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => user?.roles.includes(role)));
}

/** The role-restricted areas a user may open: their workspaces. */
export function workspacesOf(user: User | null, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return visibleNav(user, items).filter((item) => item.roles);
}
