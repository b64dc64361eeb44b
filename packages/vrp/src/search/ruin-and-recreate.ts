import type { Random } from '../model/random.ts';
import type { Solution } from '../model/solution.ts';
import { insertJobs, type RecreateLimits } from './recreate.ts';
import { ruinStrings, type RuinParams } from './ruin.ts';

/** Scratch buffers reused by every iteration (no allocation in the loop). */
export interface Workspace {
  removed: Int32Array;
  touched: Uint8Array;
  keys: Float64Array;
}

export function createWorkspace(sol: Solution): Workspace {
  return {
    removed: new Int32Array(sol.model.n),
    touched: new Uint8Array(sol.routes.length),
    keys: new Float64Array(sol.model.n),
  };
}

/**
 * One SISR step on `work`: cut strings, then reinsert the cut jobs and any unassigned ones in a random
 * order among random / largest demand / farthest / closest (weights 4:4:2:1). Changed routes end up
 * flagged in `space.touched`.
 */
export function ruinAndRecreate(
  work: Solution,
  rng: Random,
  ruin: RuinParams,
  limits: RecreateLimits,
  space: Workspace,
): void {
  const { removed, touched } = space;
  touched.fill(0);
  let count = 0;
  for (let i = 0; i < work.unassignedCount; i++) removed[count++] = work.unassigned[i]!;
  work.unassignedCount = 0;
  count = ruinStrings(work, rng, ruin, removed, count, touched);
  orderJobs(work, rng, removed, count, space.keys);
  insertJobs(work, removed, count, rng, limits, touched);
}

function orderJobs(work: Solution, rng: Random, jobs: Int32Array, count: number, keys: Float64Array): void {
  for (let i = count - 1; i > 0; i--) {
    const k = rng.below(i + 1);
    const swap = jobs[i]!;
    jobs[i] = jobs[k]!;
    jobs[k] = swap;
  }
  const pick = rng.below(11);
  if (pick < 4) return;
  const model = work.model;
  const source = pick < 8 ? model.totalDemand : model.depotDistance;
  const sign = pick < 10 ? -1 : 1;
  for (let i = 0; i < count; i++) keys[jobs[i]!] = sign * source[jobs[i]!]!;
  // Insertion sort: a handful of jobs, stable, no allocation.
  for (let i = 1; i < count; i++) {
    const job = jobs[i]!;
    const key = keys[job]!;
    let k = i - 1;
    while (k >= 0 && keys[jobs[k]!]! > key) {
      jobs[k + 1] = jobs[k]!;
      k--;
    }
    jobs[k + 1] = job;
  }
}
