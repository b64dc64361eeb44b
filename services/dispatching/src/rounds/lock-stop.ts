/** A dispatcher pins a stop to its round and place, so re-optimisation leaves it there (or unpins it). */
import type { Stop } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { stopOf, type StopRow } from '../data/stops-repo.ts';
import { StopNotFound, StopStateConflict } from '../errors.ts';

/** Sets the lock of a stop that is on a round not yet started. */
export async function lockStopOnRound(db: Db, stopId: string, locked: boolean): Promise<Stop> {
  const [row] = await db<StopRow[]>`
    update stops set locked = ${locked}, updated_at = now()
    where id = ${stopId} and round_id is not null and status in ('waiting', 'loaded')
    returning *, promised_date::text as promised_day`;
  if (row) return stopOf(row);
  const [exists] = await db`select status from stops where id = ${stopId}`;
  if (!exists) throw new StopNotFound();
  throw new StopStateConflict('only a stop on a round that has not started can be locked');
}
