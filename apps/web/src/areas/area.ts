import type { RouteObject } from 'react-router';
import type { NavItem } from '../app/nav.ts';

/** Messages of one language: nested keys, string leaves. */
export type Messages = { [key: string]: string | Messages };

/**
 * One area of the app (seller panel, warehouse, …): its routes, its navigation links and its own
 * i18n namespace (`useTranslation('<name>')`). Areas register in `registry.ts`; nothing else is shared.
 */
export interface Area<Name extends string = string, M extends Messages = Messages> {
  name: Name;
  routes: RouteObject[];
  nav?: NavItem[];
  messages: { en: M; ru: M; kk: M };
}

/** Declares an area; the literal name and the English messages type the namespace's keys. */
export function defineArea<const Name extends string, M extends Messages>(
  area: Area<Name, M>,
): Area<Name, M> {
  return area;
}
