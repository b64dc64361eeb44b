/** Reads for planning: open depots with their places, and available units per depot for some variants. */
import type { Queryable } from '@sauda/kit';
import type { Availability, DepotPlace } from '../reservations/allocate.ts';

/** Every open depot with its coordinates. */
export async function openDepotPlaces(db: Queryable): Promise<DepotPlace[]> {
  return db<DepotPlace[]>`select id, lat, lng from depots where active order by code`;
}

/**
 * Available units (on hand − reserved − committed − unavailable) of these variants in open depots. Only
 * a plan's input: the guarded updates that follow decide, so a stale read can cost a retry, never a unit.
 */
export async function availabilityOf(db: Queryable, variantIds: readonly string[]): Promise<Availability> {
  const rows = await db<{ depot_id: string; variant_id: string; available: number }[]>`
    select l.depot_id, l.variant_id, (l.on_hand - l.reserved - l.committed - l.unavailable) as available
    from stock_levels l join depots d on d.id = l.depot_id
    where d.active and l.variant_id in ${db([...new Set(variantIds)])}`;
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const depot = out.get(row.depot_id) ?? new Map<string, number>();
    depot.set(row.variant_id, row.available);
    out.set(row.depot_id, depot);
  }
  return out;
}
