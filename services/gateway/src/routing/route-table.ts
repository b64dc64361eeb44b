/**
 * The public API map (ARCHITECTURE §7): which service owns which `/api` prefix, and which prefixes
 * need a signed-in caller before the request leaves the gateway (defence in depth; services check again).
 */

export interface RouteEntry {
  /** Public path prefix, matched on whole segments. */
  prefix: string;
  /** The owning service. */
  service: string;
  /** The path on the service that replaces the prefix. */
  upstreamPrefix: string;
  /** True when the gateway itself refuses anonymous callers. */
  signedIn: boolean;
  /** Stricter rate limit bucket (credential endpoints). */
  bucket?: 'auth';
}

const entry = (
  prefix: string,
  service: string,
  signedIn: boolean,
  extra: Partial<RouteEntry> = {},
): RouteEntry => ({
  prefix,
  service,
  upstreamPrefix: prefix.replace(/^\/api/, ''),
  signedIn,
  ...extra,
});

/** Longest prefix first, so `/api/seller/orders` wins over `/api/seller`. */
export const ROUTES: RouteEntry[] = [
  entry('/api/auth', 'users', false, { bucket: 'auth' }),
  entry('/api/me', 'users', true),
  entry('/api/sellers', 'users', false),
  entry('/api/admin/users', 'users', true),
  entry('/api/admin/seller-applications', 'users', true),
  entry('/api/admin/audit', 'users', true),
  entry('/api/admin/mailbox', 'users', true),
  entry('/api/products', 'shop', false),
  entry('/api/categories', 'shop', false),
  entry('/api/seller/products', 'shop', true),
  entry('/api/media', 'shop', false),
  entry('/api/exchange-rates', 'shop', false),
  entry('/api/admin/catalog', 'shop', true),
  entry('/api/shop', 'shop', true),
  entry('/api/admin/promos', 'shop', true),
  entry('/api/admin/gift-cards', 'shop', true),
  entry('/api/admin/reviews', 'shop', true),
  entry('/api/seller/reviews', 'shop', true),
  entry('/api/cart', 'orders', false),
  entry('/api/checkout', 'orders', true),
  entry('/api/orders', 'orders', true),
  entry('/api/seller/orders', 'orders', true),
  entry('/api/seller/returns', 'orders', true),
  entry('/api/admin/orders', 'orders', true),
  entry('/api/admin/returns', 'orders', true),
  entry('/api/seller/stock', 'stock', true),
  entry('/api/warehouse', 'stock', true),
  entry('/api/admin/depots', 'stock', true),
  entry('/api/payment', 'payment', false),
  entry('/api/tracking', 'shipping', false),
  entry('/api/admin/shipments', 'shipping', true),
  entry('/api/shipping', 'shipping', false),
  entry('/api/dispatch', 'dispatching', true),
  entry('/api/driver', 'dispatching', true),
  entry('/api/assistant', 'assistant', false),
].sort((a, b) => b.prefix.length - a.prefix.length);

/** The entry owning a path, and the path to call on the service; undefined for an unknown path. */
export function resolveRoute(
  path: string,
  routes: RouteEntry[] = ROUTES,
): { route: RouteEntry; upstreamPath: string } | undefined {
  for (const route of routes) {
    if (!path.startsWith(route.prefix)) continue;
    // Whole segments only: the prefix ends the path or is followed by `/` or `?` (no string built per route).
    const next = path[route.prefix.length];
    if (next === undefined || next === '/' || next === '?')
      return { route, upstreamPath: route.upstreamPrefix + path.slice(route.prefix.length) };
  }
  return undefined;
}
