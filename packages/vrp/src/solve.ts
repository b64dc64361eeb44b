import { buildModel, type Model } from './model/model.ts';
import { Random } from './model/random.ts';
import { Solution } from './model/solution.ts';
import { anneal } from './search/anneal.ts';
import { Budget } from './search/clock.ts';
import { minimiseFleet } from './search/minimise-fleet.ts';
import { insertJobs } from './search/recreate.ts';
import type { RuinParams } from './search/ruin.ts';
import { toVrpSolution } from './solution-output.ts';
import type { VrpOptions, VrpProblem, VrpSolution } from './types.ts';

const RUIN: RuinParams = { meanRemoved: 10, maxString: 10, splitRate: 0.5, splitDepth: 0.01 };
const BLINK_RATE = 0.01;
/** Share of the budget spent removing vehicles under the `vehicles` objective. */
const FLEET_SHARE = 0.5;

/**
 * Plans rounds: best-insertion construction, then SISR ruin-and-recreate under simulated annealing
 * (preceded by fleet minimisation for the `vehicles` objective). Deterministic for a seed and an
 * iteration budget; with a time budget the result depends on the machine's speed.
 */
export function solve(problem: VrpProblem, options: VrpOptions = {}): VrpSolution {
  const model = buildModel(problem);
  const rng = new Random(options.seed ?? 1);
  const budget = new Budget(
    options.now ?? (() => performance.now()),
    options.budgetMs ?? (options.maxIterations === undefined ? 1000 : Infinity),
    options.maxIterations ?? Infinity,
  );
  let sol = construct(model, rng);
  if (model.n === 0 || model.vehicles.length === 0) return toVrpSolution(problem, sol, 0);
  let maxRoutes = model.vehicles.length;
  if (problem.objective === 'vehicles') {
    sol = minimiseFleet(sol, rng, budget, RUIN, BLINK_RATE, FLEET_SHARE);
    if (sol.unassignedCount === 0) maxRoutes = sol.usedVehicles();
  }
  const scale = sol.cost() / (model.n + sol.usedVehicles());
  sol = anneal(sol, rng, budget, {
    ruin: RUIN,
    blinkRate: BLINK_RATE,
    startTemperature: 5 * scale,
    endTemperature: 0.05 * scale,
    maxRoutes,
    unassignedPenalty: unassignedPenalty(model),
    localSearch: true,
    until: 1,
  });
  return toVrpSolution(problem, sol, budget.iterations);
}

/** Locked stops first, in their order; then every other job by best insertion, largest demand first. */
function construct(model: Model, rng: Random): Solution {
  const sol = new Solution(model);
  for (const { vehicle, jobs } of model.lockedRoutes) {
    const route = sol.routes[vehicle]!;
    for (const job of jobs) route.nodes[++route.len] = job;
    sol.refresh(vehicle);
  }
  const free: number[] = [];
  for (let j = 0; j < model.n; j++) if (model.locked[j] === 0) free.push(j);
  free.sort(
    (a, b) =>
      model.totalDemand[b]! - model.totalDemand[a]! || model.depotDistance[b]! - model.depotDistance[a]!,
  );
  const touched = new Uint8Array(sol.routes.length);
  insertJobs(sol, free, free.length, rng, { blinkRate: 0, maxRoutes: model.vehicles.length }, touched);
  return sol;
}

function unassignedPenalty(model: Model): number {
  let longest = 0;
  for (const value of model.dist) if (value !== Infinity && value > longest) longest = value;
  let fixed = 0;
  for (const vehicle of model.vehicles) fixed = Math.max(fixed, vehicle.fixedCost);
  return 100 * (longest + 1) + 2 * fixed;
}
