import { earliestStart } from '../model/model.ts';
import type { Random } from '../model/random.ts';
import { scheduleRoute } from '../model/schedule.ts';
import type { Solution } from '../model/solution.ts';

/** How jobs are put back: skip rate per position (SISR "blinks") and how many vehicles may be used. */
export interface RecreateLimits {
  blinkRate: number;
  maxRoutes: number;
}

let scratch = new Int32Array(0);

/**
 * Inserts each job at its cheapest feasible position over all routes (best insertion with blinks);
 * a job with no feasible position joins the unassigned list. Routes changed are flagged in `touched`.
 */
export function insertJobs(
  sol: Solution,
  jobs: ArrayLike<number>,
  count: number,
  rng: Random,
  limits: RecreateLimits,
  touched: Uint8Array,
): void {
  const model = sol.model;
  const { dist, time, service, open, close, singleWindow, demand, dims, nodeCount } = model;
  if (scratch.length < model.n + 2) scratch = new Int32Array(model.n + 2);
  let used = sol.usedVehicles();
  const blink = limits.blinkRate;
  for (let i = 0; i < count; i++) {
    const j = jobs[i]!;
    let bestRoute = -1;
    let bestPos = -1;
    let bestDelta = Infinity;
    const serviceJ = service[j]!;
    for (let r = 0; r < sol.routes.length; r++) {
      const route = sol.routes[r]!;
      const len = route.len;
      if (len === 0 && used >= limits.maxRoutes) continue;
      const vehicle = model.vehicles[route.vehicle]!;
      let fits = true;
      for (let d = 0; d < dims; d++) {
        if (route.load[d]! + demand[j * dims + d]! > vehicle.capacity[d]!) fits = false;
      }
      if (!fits) continue;
      const fixed = len === 0 ? vehicle.fixedCost : 0;
      const nodes = route.nodes;
      const withBreaks = vehicle.breaks.length > 0;
      for (let p = 0; p <= len; p++) {
        if (blink > 0 && rng.next() < blink) continue;
        const a = nodes[p]!;
        const b = nodes[p + 1]!;
        const arrival = route.start[p]! + service[a]! + time[a * nodeCount + j]!;
        let begin: number;
        if (singleWindow[j] === 1) {
          // Later positions only arrive later (triangle inequality), so the window is lost for good.
          if (arrival > close[j]!) break;
          begin = arrival > open[j]! ? arrival : open[j]!;
        } else {
          begin = earliestStart(model, j, arrival);
          if (begin === Infinity) break;
        }
        const delta = dist[a * nodeCount + j]! + dist[j * nodeCount + b]! - dist[a * nodeCount + b]! + fixed;
        if (delta >= bestDelta) continue;
        if (begin + serviceJ + time[j * nodeCount + b]! > route.latest[p + 1]!) continue;
        if (withBreaks && !fitsWithBreaks(sol, r, p, j)) continue;
        bestDelta = delta;
        bestRoute = r;
        bestPos = p;
      }
    }
    if (bestRoute < 0) {
      sol.addUnassigned(j);
      continue;
    }
    const route = sol.routes[bestRoute]!;
    if (route.len === 0) used++;
    route.nodes.copyWithin(bestPos + 2, bestPos + 1, route.len + 2);
    route.nodes[bestPos + 1] = j;
    route.len++;
    sol.refresh(bestRoute);
    touched[bestRoute] = 1;
  }
}

function fitsWithBreaks(sol: Solution, r: number, p: number, j: number): boolean {
  const route = sol.routes[r]!;
  const count = route.len + 3;
  scratch.set(route.nodes.subarray(0, p + 1));
  scratch[p + 1] = j;
  scratch.set(route.nodes.subarray(p + 1, route.len + 2), p + 2);
  return scheduleRoute(sol.model, route.vehicle, scratch, count);
}
