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
