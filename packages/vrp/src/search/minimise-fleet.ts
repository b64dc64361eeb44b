import type { Random } from '../model/random.ts';
import { Solution } from '../model/solution.ts';
import type { Budget } from './clock.ts';
import { createWorkspace, ruinAndRecreate } from './ruin-and-recreate.ts';
import type { RuinParams } from './ruin.ts';

/**
 * SISR fleet minimisation: empty the smallest route, then ruin-and-recreate without opening routes,
 * accepting a candidate that leaves fewer jobs out, or jobs that were left out less often (absence
 * counters). Each time every job is back in, the fleet is one vehicle smaller. Returns the smallest
 * complete solution found (the initial one if none).
 */
export function minimiseFleet(
  initial: Solution,
  rng: Random,
  budget: Budget,
  ruin: RuinParams,
  blinkRate: number,
  until: number,
): Solution {
  const model = initial.model;
  const best = new Solution(model);
  const current = new Solution(model);
  const work = new Solution(model);
  best.copyFrom(initial);
  current.copyFrom(initial);
  if (initial.unassignedCount > 0) return best;
  const floor = fleetLowerBound(initial);
  const absences = new Float64Array(model.n);
  const space = createWorkspace(work);
  const limits = { blinkRate, maxRoutes: 0 };
  const absent = (sol: Solution): number => {
    let sum = 0;
    for (let i = 0; i < sol.unassignedCount; i++) sum += absences[sol.unassigned[i]!]!;
    return sum;
  };
  while (budget.progress() < until) {
    if (current.unassignedCount === 0) {
      best.copyFrom(current);
      if (current.usedVehicles() <= floor || !emptySmallestRoute(current, rng)) break;
      limits.maxRoutes = current.usedVehicles();
      work.copyFrom(current);
    }
    ruinAndRecreate(work, rng, ruin, limits, space);
    budget.iterations++;
    if (work.unassignedCount < current.unassignedCount || absent(work) < absent(current)) {
      current.copyTouched(work, space.touched);
    } else {
      work.copyTouched(current, space.touched);
    }
    for (let i = 0; i < work.unassignedCount; i++) absences[work.unassigned[i]!]!++;
  }
  if (current.unassignedCount === 0 && current.usedVehicles() < best.usedVehicles()) best.copyFrom(current);
  return best;
}

/** Fewest vehicles that can carry the total demand in some dimension (largest vehicles first). */
function fleetLowerBound(sol: Solution): number {
  const model = sol.model;
  let bound = 1;
  for (let d = 0; d < model.dims; d++) {
    let total = 0;
    for (let j = 0; j < model.n; j++) total += model.demand[j * model.dims + d]!;
    const sizes = model.vehicles.map((v) => v.capacity[d]!).sort((a, b) => b - a);
    let k = 0;
    for (let carried = 0; carried < total - 1e-9 && k < sizes.length; k++) carried += sizes[k]!;
    bound = Math.max(bound, k);
  }
  return bound;
}

function emptySmallestRoute(sol: Solution, rng: Random): boolean {
  let pick = -1;
  let fewest = Infinity;
  for (let r = 0; r < sol.routes.length; r++) {
    const route = sol.routes[r]!;
    if (route.len === 0) continue;
    let movable = true;
    for (let p = 1; p <= route.len; p++) if (sol.model.locked[route.nodes[p]!] === 1) movable = false;
    if (!movable) continue;
    const size = route.len + rng.next();
    if (size < fewest) {
      fewest = size;
      pick = r;
    }
  }
  if (pick < 0) return false;
  const route = sol.routes[pick]!;
  for (let p = 1; p <= route.len; p++) sol.addUnassigned(route.nodes[p]!);
  route.len = 0;
  sol.refresh(pick);
  return true;
}
