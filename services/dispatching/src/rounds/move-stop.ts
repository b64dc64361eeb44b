/** A dispatcher drags a stop to another round (or a new place in its round, or off every round). */
import type { DispatchBoard, MoveStop } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import type { DispatchContext } from '../context.ts';
import { lockRound } from '../data/rounds-repo.ts';
import { lockStop } from '../data/stops-repo.ts';
import { RoundNotEditable, RoundNotFound, StopNotFound, StopStateConflict } from '../errors.ts';
import { loadBoard } from './load-board.ts';
import { isEditableRound } from './round-lifecycle.ts';
import { retimeRound } from './retime-round.ts';

/** Moves the stop; both rounds must still be planned. Answers the stop's board. */
export async function moveStop(ctx: DispatchContext, stopId: string, move: MoveStop): Promise<DispatchBoard> {
  const { centreId, day } = await withTransaction(ctx.db, async (tx) => {
    const stop = await lockStop(tx, stopId);
    if (!stop) throw new StopNotFound();
    if (stop.status !== 'waiting') throw new StopStateConflict(`a ${stop.status} stop cannot move`);
    const source = stop.round_id ? await lockRound(tx, stop.round_id) : undefined;
    if (source && !isEditableRound(source.status)) throw new RoundNotEditable();
    const target = move.roundId ? await lockRound(tx, move.roundId) : undefined;
    if (move.roundId && (!target || target.centre_id !== stop.centre_id)) throw new RoundNotFound();
    if (target && !isEditableRound(target.status)) throw new RoundNotEditable();
    if (source) {
      await tx`update stops set round_id = null, sequence = null where id = ${stopId}`;
      await tx`
        update stops s set sequence = o.n from (
          select id, row_number() over (order by sequence)::int as n from stops where round_id = ${source.id}
        ) o where s.id = o.id`;
    }
    if (target) {
      const [size] = await tx<
        { n: number }[]
      >`select count(*)::int as n from stops where round_id = ${target.id}`;
      const position = Math.min(move.position ?? size?.n ?? 0, size?.n ?? 0);
      await tx`update stops set sequence = sequence + 1 where round_id = ${target.id} and sequence > ${position}`;
      await tx`
        update stops set round_id = ${target.id}, sequence = ${position + 1}, unassigned_reason = null,
          updated_at = now() where id = ${stopId}`;
      await retimeRound(tx, ctx.distances, target.id);
    } else {
      await tx`update stops set locked = false, planned_arrival = null, eta_from = null, eta_to = null
               where id = ${stopId}`;
    }
    if (source) await retimeRound(tx, ctx.distances, source.id);
    return { centreId: stop.centre_id, day: target?.day_iso ?? source?.day_iso ?? stop.promised_day };
  });
  return loadBoard(ctx.db, centreId, day);
}
