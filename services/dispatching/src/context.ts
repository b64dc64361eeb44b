/** What use cases that plan or track rounds need besides the database. */
import type { Db } from '@sauda/kit';
import type { DistanceProvider } from './distances/distance-matrix.ts';

export interface DispatchContext {
  db: Db;
  distances: DistanceProvider;
  /** The optimiser's default search time per plan. */
  planBudgetMs: number;
  /** The arrival geofence radius, metres. */
  geofenceM: number;
  /** The clock (tests pin it). */
  now: () => Date;
}
