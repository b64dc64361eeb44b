/** Level changes: every one is a guarded update of one level row plus its ledger row, in one statement. */
import type { Queryable, Tx } from '@sauda/kit';
import { announceLevel } from './announce-level.ts';

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
 * The guard is in the UPDATE's WHERE, so concurrent callers are serialised by the row lock and each one
 * re-checks against the committed value: never read-then-write. A change of the sellable quantity is
 * announced (`stock.level.changed.v1`, once per variant per transaction), hence the transaction.
 */
export async function applyMovement(db: Tx, m: Movement): Promise<boolean> {
  const d = {
    onHand: m.delta.onHand ?? 0,
    reserved: m.delta.reserved ?? 0,
    committed: m.delta.committed ?? 0,
    unavailable: m.delta.unavailable ?? 0,
    incoming: m.delta.incoming ?? 0,
  };
  const rows = await db`
    with changed as (
      update stock_levels set
        on_hand = on_hand + ${d.onHand}::int, reserved = reserved + ${d.reserved}::int,
        committed = committed + ${d.committed}::int, unavailable = unavailable + ${d.unavailable}::int,
        incoming = incoming + ${d.incoming}::int
      where variant_id = ${m.variantId} and depot_id = ${m.depotId}
        and on_hand + ${d.onHand}::int >= 0 and reserved + ${d.reserved}::int >= 0
        and committed + ${d.committed}::int >= 0 and unavailable + ${d.unavailable}::int >= 0
        and incoming + ${d.incoming}::int >= 0
        and (reserved + ${d.reserved}::int) + (committed + ${d.committed}::int)
            + (unavailable + ${d.unavailable}::int) <= on_hand + ${d.onHand}::int
      returning variant_id, depot_id)
    insert into movements (variant_id, depot_id, kind, on_hand, reserved, committed, unavailable, incoming,
                           reason, ref, actor_id)
    select variant_id, depot_id, ${m.kind}, ${d.onHand}, ${d.reserved}, ${d.committed}, ${d.unavailable},
           ${d.incoming}, ${m.reason ?? null}, ${m.ref ?? null}, ${m.actorId ?? null}
    from changed
    returning id`;
  if (rows.length !== 1) return false;
  if (d.onHand - d.reserved - d.committed - d.unavailable !== 0) await announceLevel(db, m.variantId);
  return true;
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
