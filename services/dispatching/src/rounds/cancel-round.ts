/** A dispatcher cancels a round that has not started: its stops wait again, unlocked. */
import type { DispatchBoard } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { lockRound } from '../data/rounds-repo.ts';
import { RoundNotFound } from '../errors.ts';
import { loadBoard } from './load-board.ts';
import { nextRoundStatus } from './round-lifecycle.ts';

/** Cancels the round and answers its day's board. */
export async function cancelRound(db: Db, roundId: string): Promise<DispatchBoard> {
  const round = await withTransaction(db, async (tx) => {
    const row = await lockRound(tx, roundId);
    if (!row) throw new RoundNotFound();
    await tx`update rounds set status = ${nextRoundStatus(row.status, 'cancel')} where id = ${roundId}`;
    await tx`
      update stops set round_id = null, sequence = null, locked = false, status = 'waiting',
        planned_arrival = null, eta_from = null, eta_to = null, updated_at = now()
      where round_id = ${roundId} and status in ('waiting', 'loaded')`;
    return row;
  });
  return loadBoard(db, round.centre_id, round.day_iso);
}
