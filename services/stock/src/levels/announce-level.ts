/**
 * `stock.level.changed.v1`, coalesced: one event per variant per transaction carrying the level the
 * transaction ends with. The first change appends the event through the outbox; later changes of the same
 * variant in the same transaction update that still unpublished row (the relay cannot see it before the
 * commit), and a rolled-back savepoint takes its update back with it.
 */
import { LevelChanged, type EventData } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';

/** Records that `variantId`'s level changed in `tx`. */
export async function announceLevel(tx: Tx, variantId: string): Promise<void> {
  const [level] = await tx<{ available: number; tx: string; at: Date }[]>`
    select greatest(coalesce(sum(on_hand - reserved - committed - unavailable), 0), 0)::int as available,
           pg_current_xact_id()::text as tx, clock_timestamp() as at
    from stock_levels where variant_id = ${variantId}`;
  if (!level) return;
  const data: EventData<typeof LevelChanged> = {
    variantId,
    available: level.available,
    at: level.at.toISOString(),
  };
  const key = `${level.tx}:${variantId}`;
  // The outbox's partial index keeps this scan to the unpublished backlog.
  const updated = await tx`
    update outbox set payload = ${JSON.stringify(data)}::text::jsonb
    where published_at is null and type = ${LevelChanged.type} and headers ->> 'x-coalesce' = ${key}
    returning id`;
  if (updated.length === 0) await appendEvent(tx, LevelChanged, data, { headers: { 'x-coalesce': key } });
}
