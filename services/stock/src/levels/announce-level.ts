/**
 * `stock.level.changed.v1`, coalesced: one event per variant per transaction carrying the level the
 * transaction ends with. The first change appends the event through the outbox; later changes of the same
 * variant in the same transaction update that still unpublished row (the relay cannot see it before the
 * commit), and a rolled-back savepoint takes its row or its update back with it. Two orders of one keyed
 * batch (ADR 0012) that change one variant at the same time may both append: the variant then gets two
 * events from the transaction, the later one with the level it ends with, and shop's projection keeps the
 * latest by its time.
 */
import { LevelChanged, type EventData } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';

/** A variant's level as this transaction sees it, and the outbox row that already announces it, if any. */
export interface Level {
  variantId: string;
  available: number;
  at: Date;
  /** Coalescing key: the transaction and the variant. */
  key: string;
  /** The unpublished event this transaction appended for the variant, or null. */
  eventId: string | null;
}

/**
 * Reads the levels to announce. A statement of its own (not part of the change) so that it sees the change,
 * and a read (not the outbox write) so that it can share the change's round trip.
 */
export async function readLevels(tx: Tx, variantIds: readonly string[]): Promise<Level[]> {
  // The outbox's partial index keeps the event lookup to the unpublished backlog.
  return tx<Level[]>`
    select v.variant_id as "variantId",
           greatest(coalesce(sum(l.on_hand - l.reserved - l.committed - l.unavailable), 0), 0)::int as available,
           clock_timestamp() as at, pg_current_xact_id()::text || ':' || v.variant_id as key,
           (select o.id from outbox o
            where o.published_at is null and o.type = ${LevelChanged.type}
              and o.headers ->> 'x-coalesce' = pg_current_xact_id()::text || ':' || v.variant_id) as "eventId"
    from unnest(${[...variantIds]}::uuid[]) as v (variant_id)
    left join stock_levels l on l.variant_id = v.variant_id
    group by v.variant_id`;
}

/** Appends each level's event, or updates the one this transaction appended before; one round trip. */
export async function announceLevels(tx: Tx, levels: readonly Level[]): Promise<void> {
  await Promise.all(
    levels.map(async (level) => {
      const data: EventData<typeof LevelChanged> = {
        variantId: level.variantId,
        available: level.available,
        at: level.at.toISOString(),
      };
      if (level.eventId === null)
        await appendEvent(tx, LevelChanged, data, { headers: { 'x-coalesce': level.key } });
      else
        await tx`update outbox set payload = ${JSON.stringify(data)}::text::jsonb where id = ${level.eventId}`;
    }),
  );
}
