/** Demo depots, staff, SKUs and stock; safe on every start (fixed ids, ON CONFLICT DO NOTHING). */
import { DEMO_IDS, DEMO_SITES, demoProductId, demoVariantId } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { announceLevels, readLevels } from '../levels/announce-level.ts';
import { DEMO_TITLES } from './titles.ts';

const DEPOTS = [
  {
    id: DEMO_SITES.depots.almaty,
    code: 'ALA-1',
    name: 'Almaty depot',
    city: 'Almaty',
    address: 'Suyunbay Ave 263, Almaty 050016',
    lat: 43.3075,
    lng: 76.9451,
    isDefault: true,
  },
  {
    id: DEMO_SITES.depots.astana,
    code: 'NQZ-1',
    name: 'Astana depot',
    city: 'Astana',
    address: 'Alash Highway 34, Astana 010000',
    lat: 51.1282,
    lng: 71.5307,
    isDefault: false,
  },
  {
    id: DEMO_SITES.depots.shymkent,
    code: 'CIT-1',
    name: 'Shymkent depot',
    city: 'Shymkent',
    address: 'Kapal Batyr St 5, Shymkent 160000',
    lat: 42.3155,
    lng: 69.5869,
    isDefault: false,
  },
] as const;

/** Units per depot (Almaty, Astana, Shymkent) of demo product `n`: realistic, a few low, #36 sold out. */
export function demoQuantities(n: number): [number, number, number] {
  if (n === 36) return [0, 0, 0];
  if (n === 5) return [2, 0, 0];
  if (n === 22) return [1, 2, 0];
  if (n === 34) return [0, 0, 1];
  return [12 + ((n * 7) % 30), 4 + ((n * 11) % 20), (n * 13) % 15];
}

/** The SKU code `shop` gives demo variant 1 of product `n` (its demo seed: DEMO-001 … DEMO-036). */
export function demoSku(n: number): string {
  return `DEMO-${String(n).padStart(3, '0')}`;
}

/** Seeds what is missing; returns how many level rows were new. */
export async function seedDemo(db: Db): Promise<number> {
  return withTransaction(db, async (tx) => {
    for (const depot of DEPOTS) {
      await tx`
        insert into depots (id, code, name, country_code, city, address, lat, lng, opening_hours, is_default)
        values (${depot.id}, ${depot.code}, ${depot.name}, 'KZ', ${depot.city}, ${depot.address}, ${depot.lat},
                ${depot.lng}, 'Mon–Sat 08:00–20:00', ${depot.isDefault})
        on conflict do nothing`;
    }
    await tx`insert into depot_staff (user_id, depot_id) values (${DEMO_IDS.warehouseman}, ${DEMO_SITES.depots.almaty})
             on conflict do nothing`;
    let created = 0;
    const stocked = new Set<string>();
    for (const [index, title] of DEMO_TITLES.entries()) {
      const n = index + 1;
      const variantId = demoVariantId(n);
      // An old timestamp: shop's own product events (newer) overwrite these rows when they arrive.
      await tx`
        insert into skus (variant_id, sku, product_id, seller_id, title, weight_grams, updated_at)
        values (${variantId}, ${demoSku(n)}, ${demoProductId(n)}, ${DEMO_IDS.seller}, ${title}, 0, '2026-01-01Z')
        on conflict do nothing`;
      for (const [at, quantity] of demoQuantities(n).entries()) {
        const depot = DEPOTS[at];
        if (!depot) continue;
        const [row] = await tx`
          insert into stock_levels (variant_id, depot_id, on_hand) values (${variantId}, ${depot.id}, ${quantity})
          on conflict do nothing returning variant_id`;
        if (!row) continue;
        created += 1;
        // The ledger gets the matching receipt, so levels stay equal to its sum from the start.
        if (quantity > 0) {
          await tx`insert into movements (variant_id, depot_id, kind, on_hand, reason)
                   values (${variantId}, ${depot.id}, 'receipt', ${quantity}, 'demo opening stock')`;
          stocked.add(variantId);
        }
      }
    }
    // Each stocked variant's level, announced once with the level the seed leaves.
    await announceLevels(tx, await readLevels(tx, [...stocked]));
    await tx`update skus set low_since = now() where seller_id = ${DEMO_IDS.seller} and low_since is null
             and low_threshold >= (select coalesce(sum(on_hand - reserved - committed - unavailable), 0)
                                   from stock_levels l where l.variant_id = skus.variant_id)`;
    return created;
  });
}
