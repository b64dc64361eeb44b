import type { Random } from '../model/random.ts';
import { Solution } from '../model/solution.ts';
import type { Budget } from './clock.ts';
import { localSearch } from './local-search.ts';
import { createWorkspace, ruinAndRecreate } from './ruin-and-recreate.ts';
import type { RuinParams } from './ruin.ts';

/** Simulated annealing settings: temperatures (objective units) and the vehicle cap. */
export interface AnnealParams {
  ruin: RuinParams;
  blinkRate: number;
  startTemperature: number;
  endTemperature: number;
  maxRoutes: number;
  /** Price of one unassigned job; larger than any saving from leaving it out. */
  unassignedPenalty: number;
  /** Polish each new best solution with localSearch. */
  localSearch: boolean;
  /** The phase runs until budget.progress() reaches this value. */
  until: number;
}

/**
 * SISR with simulated annealing (Christiaens & Vanden Berghe 2020): ruin-and-recreate from the current
 * solution, accepted when cost < current − T·ln U with T cooling geometrically. Returns the best found.
 */
export function anneal(initial: Solution, rng: Random, budget: Budget, params: AnnealParams): Solution {
  const model = initial.model;
  const current = new Solution(model);
  const work = new Solution(model);
  const best = new Solution(model);
  current.copyFrom(initial);
  work.copyFrom(initial);
  best.copyFrom(initial);
  const price = (sol: Solution): number => sol.cost() + params.unassignedPenalty * sol.unassignedCount;
  let currentCost = price(current);
  let bestCost = currentCost;
  const space = createWorkspace(work);
  const limits = { blinkRate: params.blinkRate, maxRoutes: params.maxRoutes };
  const from = budget.progress();
  const span = Math.max(1e-9, params.until - from);
  const ratio = params.endTemperature / params.startTemperature;
  for (;;) {
    const progress = budget.progress();
    if (progress >= params.until) break;
    const temperature = params.startTemperature * Math.pow(ratio, Math.min(1, (progress - from) / span));
    ruinAndRecreate(work, rng, params.ruin, limits, space);
    budget.iterations++;
    const cost = price(work);
    if (cost < bestCost - 1e-9) {
      // A new best is polished by local search and the search continues from the polished solution.
      if (params.localSearch) localSearch(work, rng);
      current.copyFrom(work);
      best.copyFrom(work);
      currentCost = bestCost = price(work);
    } else if (cost < currentCost - temperature * Math.log(rng.next())) {
      current.copyTouched(work, space.touched);
      currentCost = cost;
    } else {
      work.copyTouched(current, space.touched);
    }
  }
  return best;
}
