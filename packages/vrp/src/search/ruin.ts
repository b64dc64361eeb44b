import type { Random } from '../model/random.ts';
import type { Solution } from '../model/solution.ts';

/** SISR ruin parameters: mean jobs removed (c̄), longest string (Lmax), split-string rate and depth. */
export interface RuinParams {
  meanRemoved: number;
  maxString: number;
  splitRate: number;
  splitDepth: number;
}

/**
 * Adjacent string removal (Christiaens & Vanden Berghe 2020): strings of consecutive jobs are cut from
 * routes near a random seed job. Removed jobs are appended to `removed`; locked jobs are never removed.
 * Returns the new length of `removed`.
 */
export function ruinStrings(
  sol: Solution,
  rng: Random,
  params: RuinParams,
  removed: Int32Array,
  removedCount: number,
  touched: Uint8Array,
): number {
  const model = sol.model;
  const n = model.n;
  let jobsInRoutes = 0;
  let usedRoutes = 0;
  for (const route of sol.routes) {
    if (route.len > 0) {
      usedRoutes++;
      jobsInRoutes += route.len;
    }
  }
  if (usedRoutes === 0) return removedCount;
  const stringMax = Math.min(params.maxString, jobsInRoutes / usedRoutes);
  const stringsMax = (4 * params.meanRemoved) / (1 + stringMax) - 1;
  const strings = Math.floor(rng.next() * stringsMax) + 1;
  const seed = rng.below(n);
  let ruined = 0;
  let count = removedCount;
  for (let k = -1; k < n - 1 && ruined < strings; k++) {
    const c = k < 0 ? seed : model.neighbours[seed * (n - 1) + k]!;
    const r = sol.routeOf[c]!;
    if (r < 0 || touched[r] === 1) continue;
    const route = sol.routes[r]!;
    const cut = Math.floor(rng.next() * Math.min(route.len, stringMax)) + 1;
    count = removeString(sol, r, sol.posOf[c]!, cut, rng, params, removed, count);
    touched[r] = 1;
    ruined++;
  }
  return count;
}

function removeString(
  sol: Solution,
  r: number,
  position: number,
  cut: number,
  rng: Random,
  params: RuinParams,
  removed: Int32Array,
  count: number,
): number {
  const route = sol.routes[r]!;
  const len = route.len;
  let kept = 0;
  if (cut < len && rng.next() < params.splitRate) {
    kept = 1;
    while (cut + kept < len && rng.next() > params.splitDepth) kept++;
  }
  const span = cut + kept;
  const lowest = Math.max(1, position - span + 1);
  const highest = Math.min(position, len - span + 1);
  const first = lowest + rng.below(highest - lowest + 1);
  const keptFrom = first + rng.below(cut + 1);
  const nodes = route.nodes;
  let write = first;
  for (let p = first; p < first + span; p++) {
    const job = nodes[p]!;
    const keep = (p >= keptFrom && p < keptFrom + kept) || sol.model.locked[job] === 1;
    if (keep) nodes[write++] = job;
    else {
      removed[count++] = job;
      sol.routeOf[job] = -1;
    }
  }
  nodes.copyWithin(write, first + span, len + 2);
  route.len = len - (first + span - write);
  sol.refresh(r);
  return count;
}
