import { earliestStart, type Model } from './model/model.ts';
import { scheduleRoute, type Schedule } from './model/schedule.ts';
import type { Solution } from './model/solution.ts';
import type { VrpProblem, VrpRoute, VrpSolution, VrpUnassignedReason } from './types.ts';

/** Turns the solver's best solution into the public answer, with timetables and unassigned reasons. */
export function toVrpSolution(problem: VrpProblem, sol: Solution, iterations: number): VrpSolution {
  const model = sol.model;
  const routes: VrpRoute[] = [];
  const size = model.n + 2;
  const schedule: Schedule = {
    feasible: false,
    arrivals: new Float64Array(size),
    starts: new Float64Array(size),
    breakStarts: [],
  };
  let feasible = sol.unassignedCount === 0;
  for (const route of sol.routes) {
    if (route.len === 0) continue;
    const vehicle = problem.vehicles[route.vehicle]!;
    const count = route.len + 2;
    feasible = scheduleRoute(model, route.vehicle, route.nodes, count, schedule) && feasible;
    const jobs = Array.from(route.nodes.subarray(1, route.len + 1));
    let start = vehicle.shiftStart;
    if (vehicle.breaks === undefined || vehicle.breaks.length === 0) {
      // Leave just in time for the first stop instead of waiting there.
      const first = route.nodes[1]!;
      start = Math.max(start, schedule.starts[1]! - model.time[route.nodes[0]! * model.nodeCount + first]!);
      schedule.arrivals[1] = Math.max(schedule.arrivals[1]!, schedule.starts[1]!);
    }
    const end = schedule.arrivals[count - 1]!;
    const load = Array.from({ length: vehicle.capacity.length }, (_, d) =>
      jobs.reduce((sum, j) => sum + (problem.jobs[j]!.demand[d] ?? 0), 0),
    );
    routes.push({
      vehicleId: vehicle.id,
      jobIds: jobs.map((j) => problem.jobs[j]!.id),
      arrivals: jobs.map((_, i) => schedule.arrivals[i + 1]!),
      departures: jobs.map((j, i) => schedule.starts[i + 1]! + model.service[j]!),
      ...(schedule.breakStarts.length > 0
        ? { breakStart: schedule.breakStarts[0]!, breakStarts: [...schedule.breakStarts] }
        : {}),
      start,
      end,
      distance: route.distance,
      duration: end - start,
      load,
    });
  }
  const unassigned = Array.from(sol.unassigned.subarray(0, sol.unassignedCount), (j) => ({
    jobId: problem.jobs[j]!.id,
    reason: unassignedReason(model, sol, j),
  }));
  return {
    routes,
    unassigned,
    distance: routes.reduce((sum, route) => sum + route.distance, 0),
    vehicles: routes.length,
    feasible,
    iterations,
  };
}

/** Why job j is out: no vehicle big enough, window unreachable, shift too short, or no room left. */
export function unassignedReason(model: Model, sol: Solution, j: number): VrpUnassignedReason {
  if (model.vehicles.length === 0) return 'no_vehicle';
  const fitsEmpty = (v: number): boolean => {
    for (let d = 0; d < model.dims; d++) {
      if (model.demand[j * model.dims + d]! > model.vehicles[v]!.capacity[d]!) return false;
    }
    return true;
  };
  const big = model.vehicles.map((_, v) => v).filter(fitsEmpty);
  if (big.length === 0) return 'capacity';
  const reachable = big.filter((v) => {
    const vehicle = model.vehicles[v]!;
    const arrival = vehicle.shiftStart + model.time[vehicle.startNode * model.nodeCount + j]!;
    return earliestStart(model, j, arrival) !== Infinity;
  });
  if (reachable.length === 0) return 'time_window';
  const alone = reachable.filter((v) => {
    const vehicle = model.vehicles[v]!;
    return scheduleRoute(model, v, Int32Array.of(vehicle.startNode, j, vehicle.endNode), 3);
  });
  if (alone.length === 0) return 'shift';
  if (alone.some((v) => sol.routes[v]!.len === 0)) return 'no_vehicle';
  const room = alone.some((v) => {
    const route = sol.routes[v]!;
    for (let d = 0; d < model.dims; d++) {
      if (route.load[d]! + model.demand[j * model.dims + d]! > model.vehicles[v]!.capacity[d]!) return false;
    }
    return true;
  });
  return room ? 'shift' : 'capacity';
}
