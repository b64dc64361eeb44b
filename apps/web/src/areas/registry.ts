/**
 * The areas with their own routes, links and messages. A new area is one import and one entry here;
 * the storefront, auth and account pages predate this and live in app/router.tsx and i18n/en.json.
 */
import type { Area } from './area.ts';

export const AREAS = [] as const satisfies readonly Area[];

/** The i18n namespaces areas add, by name, with their English messages (the reference). */
export type AreaNamespaces = { [A in (typeof AREAS)[number] as A['name']]: A['messages']['en'] };

/** The same list, typed for iteration (an empty tuple would iterate as `never`). */
export const AREA_LIST: readonly Area[] = AREAS;
