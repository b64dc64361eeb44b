/**
 * The demo marketplace's fixed account ids (embedded demo mode only), so every service's seed agrees
 * on who is who without calling `users`: shop's demo products belong to `DEMO_IDS.seller`, etc.
 */
export const DEMO_IDS = {
  admin: '01940000-0000-7000-8000-000000000001',
  seller: '01940000-0000-7000-8000-000000000002',
  customer: '01940000-0000-7000-8000-000000000003',
  warehouseman: '01940000-0000-7000-8000-000000000004',
  driver: '01940000-0000-7000-8000-000000000005',
  dispatcher: '01940000-0000-7000-8000-000000000006',
  support: '01940000-0000-7000-8000-000000000007',
} as const;

/** The one password of every demo account. */
export const DEMO_PASSWORD = 'sauda-demo-2026';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The demo catalog's product ids (1-based), as seeded by `shop`. */
export function demoProductId(n: number): string {
  return `01900000-0000-7000-8000-0000000d${hex(n, 4)}`;
}

/** The demo catalog's variant ids: variant `k` (1-based) of product `n`; every product has variant 1. */
export function demoVariantId(n: number, k = 1): string {
  return `01900000-0000-7000-8000-00000${hex(k, 2)}e${hex(n, 4)}`;
}

/** Demo depots (`stock`) and sorting centres (`dispatching`), so `users` can attach staff to them. */
export const DEMO_SITES = {
  depots: {
    almaty: '01950000-0000-7000-8000-0000000de001',
    astana: '01950000-0000-7000-8000-0000000de002',
    shymkent: '01950000-0000-7000-8000-0000000de003',
  },
  sortingCentres: {
    almaty: '01950000-0000-7000-8000-0000000dc001',
    astana: '01950000-0000-7000-8000-0000000dc002',
    shymkent: '01950000-0000-7000-8000-0000000dc003',
  },
} as const;
