/** The dispatcher's board of a centre's day: rounds with stops, waiting stops, the centre's drivers. */
import type { DispatchBoard } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { getCentre } from '../data/centres-repo.ts';
import { selectDrivers } from '../data/fleet-repo.ts';
import { selectRounds } from '../data/rounds-repo.ts';
import { selectWaitingStops, stopOf } from '../data/stops-repo.ts';

/** Everything the board shows, read in one go. */
export async function loadBoard(db: Queryable, centreId: string, day: string): Promise<DispatchBoard> {
  const centre = await getCentre(db, centreId);
  const [rounds, waiting, drivers] = await Promise.all([
    selectRounds(db, { centreId, day, live: true }),
    selectWaitingStops(db, centreId, day),
    selectDrivers(db, { centreId }),
  ]);
  return { centre, date: day, rounds, waiting: waiting.map(stopOf), drivers };
}
