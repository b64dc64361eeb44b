import type { VrpMatrix, VrpProblem, VrpRoute, VrpSolution, VrpVehicle } from '../types.ts';

const EPS = 1e-6;

/**
 * Checks a solution against the problem from scratch (shares no code with the solver): every job once,
 * known vehicles used once, capacity, the reported timetable (travel, waiting, windows, shift, breaks),
 * distances, locked stops kept in order, and the feasible flag.
 */
export function validateSolution(
  problem: VrpProblem,
  solution: VrpSolution,
): { ok: boolean; errors: string[] } {
  const errors: string[] = [];
  const jobs = new Map(problem.jobs.map((job) => [job.id, job]));
  const vehicles = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]));
  const seen = new Map<string, number>();
  const count = (id: string): void => void seen.set(id, (seen.get(id) ?? 0) + 1);
  const usedVehicles = new Set<string>();
  const travel = read(problem.durations);
  const distance = read(problem.distances);
  let total = 0;
  for (const route of solution.routes) {
    const vehicle = vehicles.get(route.vehicleId);
    if (!vehicle) {
      errors.push(`route names an unknown vehicle ${route.vehicleId}`);
      continue;
    }
    if (usedVehicles.has(vehicle.id)) errors.push(`vehicle ${vehicle.id} has two routes`);
    usedVehicles.add(vehicle.id);
    route.jobIds.forEach(count);
    total += checkRoute(problem, vehicle, route, jobs, travel, distance, errors);
  }
  for (const { jobId } of solution.unassigned) count(jobId);
  for (const [id, times] of seen) {
    if (!jobs.has(id)) errors.push(`unknown job ${id}`);
    else if (times > 1) errors.push(`job ${id} appears ${times} times`);
  }
  for (const id of jobs.keys()) if (!seen.has(id)) errors.push(`job ${id} is missing`);
  if (!near(total, solution.distance)) errors.push(`total distance ${solution.distance} should be ${total}`);
  const used = solution.routes.filter((route) => route.jobIds.length > 0).length;
  if (used !== solution.vehicles) errors.push(`vehicles ${solution.vehicles} should be ${used}`);
  if (solution.feasible && solution.unassigned.length > 0)
    errors.push('feasible although jobs are unassigned');
  for (const lock of problem.locked ?? []) {
    const route = solution.routes.find((r) => r.vehicleId === lock.vehicleId);
    const kept = (route?.jobIds ?? []).filter((id) => lock.jobIds.includes(id));
    if (kept.join('\u0000') !== lock.jobIds.join('\u0000')) {
      errors.push(`locked stops of ${lock.vehicleId} not kept in order`);
    }
  }
  return { ok: errors.length === 0, errors };
}

function checkRoute(
  problem: VrpProblem,
  vehicle: VrpVehicle,
  route: VrpRoute,
  jobs: Map<string, VrpProblem['jobs'][number]>,
  travel: (i: number, j: number) => number,
  distance: (i: number, j: number) => number,
  errors: string[],
): number {
  const where = `route ${vehicle.id}`;
  const stops = route.jobIds.map((id) => jobs.get(id)).filter((job) => job !== undefined);
  if (stops.length !== route.jobIds.length) return 0;
  if (route.arrivals.length !== stops.length || route.departures.length !== stops.length) {
    errors.push(`${where}: arrivals/departures do not match its jobs`);
    return 0;
  }
  const load = vehicle.capacity.map((_, d) => stops.reduce((sum, job) => sum + (job.demand[d] ?? 0), 0));
  load.forEach((value, d) => {
    if (value > vehicle.capacity[d]! + EPS)
      errors.push(`${where}: load ${value} over capacity ${vehicle.capacity[d]}`);
  });
  stops.forEach((job) => {
    if (
      job.demand.length > vehicle.capacity.length &&
      job.demand.slice(vehicle.capacity.length).some((x) => x > 0)
    ) {
      errors.push(`${where}: job ${job.id} needs a capacity dimension the vehicle lacks`);
    }
  });
  const places = [vehicle.startLocation, ...stops.map((job) => job.location), vehicle.endLocation];
  const departs = [route.start, ...route.departures];
  const ready = [...stops.map((job, i) => route.departures[i]! - job.serviceTime), route.end];
  const breaks = vehicle.breaks ?? [];
  const breakStarts = route.breakStarts ?? (route.breakStart === undefined ? [] : [route.breakStart]);
  const legBreaks = new Float64Array(places.length - 1);
  if (route.start < vehicle.shiftStart - EPS) errors.push(`${where}: starts before the shift`);
  if (route.end > vehicle.shiftEnd + EPS) errors.push(`${where}: ends after the shift`);
  if (stops.length > 0 && breakStarts.length !== breaks.length) errors.push(`${where}: breaks not all taken`);
  breakStarts.forEach((start, k) => {
    const rule = breaks[k];
    if (!rule) return;
    if (start < rule.earliest - EPS || start > rule.latest + EPS)
      errors.push(`${where}: break ${k} outside its window`);
    if (k > 0 && start < breakStarts[k - 1]! + breaks[k - 1]!.duration - EPS)
      errors.push(`${where}: breaks overlap`);
    const leg = ready.findIndex(
      (until, i) => departs[i]! <= start + EPS && start + rule.duration <= until + EPS,
    );
    if (leg < 0) errors.push(`${where}: break ${k} overlaps a service`);
    else legBreaks[leg]! += rule.duration;
  });
  let length = 0;
  for (let i = 0; i < places.length - 1; i++) {
    const drive = travel(places[i]!, places[i + 1]!);
    length += distance(places[i]!, places[i + 1]!);
    if (ready[i]! - departs[i]! < drive + legBreaks[i]! - EPS)
      errors.push(`${where}: leg ${i} too short to drive`);
    const job = stops[i];
    if (!job) continue;
    const arrival = route.arrivals[i]!;
    const begin = ready[i]!;
    if (arrival < departs[i]! + drive - EPS) errors.push(`${where}: arrives at ${job.id} too early`);
    if (begin < arrival - EPS) errors.push(`${where}: serves ${job.id} before arriving`);
    if (!job.windows.some(([open, close]) => begin >= open - EPS && begin <= close + EPS)) {
      errors.push(`${where}: serves ${job.id} at ${begin}, outside its windows`);
    }
  }
  if (!near(length, route.distance)) errors.push(`${where}: distance ${route.distance} should be ${length}`);
  return length;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

function read(matrix: VrpMatrix): (i: number, j: number) => number {
  if (matrix instanceof Float64Array) {
    const size = Math.round(Math.sqrt(matrix.length));
    return (i, j) => matrix[i * size + j] ?? NaN;
  }
  return (i, j) => matrix[i]?.[j] ?? NaN;
}
