/** Level changes: every one is a guarded update of its level rows plus their ledger rows, in one statement. */
import type { Queryable, Tx } from '@sauda/kit';
import { announceLevels, readLevels } from './announce-level.ts';

/** Which ledger entry a change is. */
export type MovementKind =
  | 'receipt'
  | 'incoming'
  | 'adjustment'
  | 'reservation'
  | 'release'
  | 'commit'
  | 'pick'
  | 'ship'
  | 'return-restock'
  | 'damage'
  | 'shortage';

/** Signed changes of the five quantities; omitted ones stay. */
export interface Delta {
  onHand?: number;
  reserved?: number;
  committed?: number;
  unavailable?: number;
  incoming?: number;
}

/** One change of one level (variant × depot). */
export interface Movement {
  variantId: string;
  depotId: string;
  kind: MovementKind;
  delta: Delta;
  reason?: string | null;
  ref?: string | null;
  actorId?: string | null;
}

/**
 * Applies a movement if the level stays valid afterwards (no negative quantity, and reserved + committed
 * + unavailable never above on hand) and records it in the ledger; false when the guard refused.
 */
export async function applyMovement(db: Tx, m: Movement): Promise<boolean> {
  return applyMovements(db, [m]);
}

/**
 * Applies every movement or none, in one statement: it locks the levels in (variant, depot) order (two
 * callers never deadlock), checks every guard against the locked rows' newest values, and only when all
 * pass changes the levels and writes one ledger row per movement; false when a guard refused (nothing
 * changed, so no savepoint is needed to retry). Movements of one level add up: the guard holds for the
 * level they leave. A change of the sellable quantity is announced (`stock.level.changed.v1`, once per
 * variant per transaction); `onApplied` is work that must follow a successful change, sent in the same
 * round trip as that announcement. Concurrent calls on one transaction (a keyed batch) that touch one variant
 * may announce it twice (see `announce-level.ts`).
 */
export async function applyMovements(
  db: Tx,
  movements: readonly Movement[],
  onApplied?: () => Promise<unknown>,
): Promise<boolean> {
  if (movements.length === 0) {
    await onApplied?.();
    return true;
  }
  const announced = [...new Set(movements.filter(changesSellable).map((m) => m.variantId))];
  // The levels are read in the same round trip, right after the change; wasted only when it was refused.
  const [applied, levels] = await Promise.all([
    changeLevels(db, movements),
    announced.length > 0 ? readLevels(db, announced) : [],
  ]);
  if (!applied) return false;
  // The announcement (the biggest message) goes last: postgres.js writes out a batch once it passes 1 KiB.
  await Promise.all([onApplied?.(), announceLevels(db, levels)]);
  return true;
}

/** Whether a movement changes the units that can be sold (on hand − reserved − committed − unavailable). */
function changesSellable({ delta }: Movement): boolean {
  const { onHand = 0, reserved = 0, committed = 0, unavailable = 0 } = delta;
  return onHand - reserved - committed - unavailable !== 0;
}

/** The all-or-nothing statement of `applyMovements`; true when it applied. */
async function changeLevels(db: Tx, movements: readonly Movement[]): Promise<boolean> {
  const column = <T>(pick: (m: Movement) => T) => movements.map(pick);
  const levels = new Set(movements.map((m) => `${m.variantId}:${m.depotId}`)).size;
  // `order by … for update` locks rows in the sorted order; a row changed meanwhile is re-read when locked.
  const [row] = await db<{ applied: boolean }[]>`
    with plan as (
      select * from unnest(
        ${column((m) => m.variantId)}::uuid[], ${column((m) => m.depotId)}::uuid[], ${column((m) => m.kind)}::text[],
        ${column((m) => m.delta.onHand ?? 0)}::int[], ${column((m) => m.delta.reserved ?? 0)}::int[],
        ${column((m) => m.delta.committed ?? 0)}::int[], ${column((m) => m.delta.unavailable ?? 0)}::int[],
        ${column((m) => m.delta.incoming ?? 0)}::int[], ${column((m) => m.reason ?? null)}::text[],
        ${column((m) => m.ref ?? null)}::text[], ${column((m) => m.actorId ?? null)}::uuid[])
        as m (variant_id, depot_id, kind, on_hand, reserved, committed, unavailable, incoming, reason, ref, actor_id)),
    delta as (
      select variant_id, depot_id, sum(on_hand)::int as on_hand, sum(reserved)::int as reserved,
             sum(committed)::int as committed, sum(unavailable)::int as unavailable, sum(incoming)::int as incoming
      from plan group by variant_id, depot_id),
    after as materialized (
      select l.on_hand + d.on_hand as on_hand, l.reserved + d.reserved as reserved,
             l.committed + d.committed as committed, l.unavailable + d.unavailable as unavailable,
             l.incoming + d.incoming as incoming
      from stock_levels l join delta d on d.variant_id = l.variant_id and d.depot_id = l.depot_id
      order by l.variant_id, l.depot_id
      for update of l),
    verdict as (
      select count(*) = ${levels}::int
             and coalesce(bool_and(on_hand >= 0 and reserved >= 0 and committed >= 0 and unavailable >= 0
                                   and incoming >= 0 and reserved + committed + unavailable <= on_hand), false)
             as applied
      from after),
    changed as (
      update stock_levels l set
        on_hand = l.on_hand + d.on_hand, reserved = l.reserved + d.reserved, committed = l.committed + d.committed,
        unavailable = l.unavailable + d.unavailable, incoming = l.incoming + d.incoming
      from delta d
      where d.variant_id = l.variant_id and d.depot_id = l.depot_id and (select applied from verdict)),
    ledger as (
      insert into movements (variant_id, depot_id, kind, on_hand, reserved, committed, unavailable, incoming,
                             reason, ref, actor_id)
      select variant_id, depot_id, kind, on_hand, reserved, committed, unavailable, incoming, reason, ref, actor_id
      from plan where (select applied from verdict))
    select applied from verdict`;
  return row?.applied === true;
}

/** Makes sure a level row exists (all zero) so a first receipt or adjustment has something to change. */
export async function ensureLevel(db: Queryable, variantId: string, depotId: string): Promise<void> {
  await db`
    insert into stock_levels (variant_id, depot_id) values (${variantId}, ${depotId})
    on conflict do nothing`;
}

/** Recomputes every level from the ledger and returns the rows where the stored level differs (none, always). */
export async function ledgerDrift(db: Queryable): Promise<Array<Record<string, unknown>>> {
  return db`
    with ledger as (
      select variant_id, depot_id, sum(on_hand)::int as on_hand, sum(reserved)::int as reserved,
             sum(committed)::int as committed, sum(unavailable)::int as unavailable, sum(incoming)::int as incoming
      from movements group by variant_id, depot_id)
    select coalesce(l.variant_id, g.variant_id) as variant_id, coalesce(l.depot_id, g.depot_id) as depot_id,
           l.on_hand, g.on_hand as ledger_on_hand, l.reserved, g.reserved as ledger_reserved
    from stock_levels l full join ledger g using (variant_id, depot_id)
    where (coalesce(l.on_hand, 0), coalesce(l.reserved, 0), coalesce(l.committed, 0), coalesce(l.unavailable, 0),
           coalesce(l.incoming, 0))
          is distinct from
          (coalesce(g.on_hand, 0), coalesce(g.reserved, 0), coalesce(g.committed, 0), coalesce(g.unavailable, 0),
           coalesce(g.incoming, 0))`;
}
