/** The driver's rounds for today: published or started ones first, plus those finished today. */
import type { Round } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { selectRounds } from '../data/rounds-repo.ts';

/** The driver's current rounds (never someone else's). */
export async function driverRounds(db: Queryable, driverId: string, today: string): Promise<Round[]> {
  const rounds = await selectRounds(db, { driverId });
  return rounds.filter(
    (r) =>
      r.status === 'published' || r.status === 'started' || (r.status === 'completed' && r.date === today),
  );
}
