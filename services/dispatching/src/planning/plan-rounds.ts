/**
 * The one place that calls the optimiser (`@sauda/vrp`): a centre's day as a VRP problem in, rounds and
 * unassigned stops out. Times are seconds since the centre's local midnight; demands are [grams, litres×1000].
 */
import { solve, solveInWorker, type VrpProblem, type VrpSolution } from '@sauda/vrp';
import type { Matrix } from '../distances/distance-matrix.ts';

/** A stop to place. `location` indexes the matrix (0 is the sorting centre). */
export interface PlanStop {
  id: string;
  location: number;
  weightGrams: number;
  volumeLitres: number;
  serviceSeconds: number;
  /** The customer's window in seconds of the day, or the whole day. */
  window: [number, number];
}

/** A driver with a vehicle available that day. */
export interface PlanVehicle {
  id: string;
  capacityKg: number;
  capacityLitres: number;
  shiftStart: number;
  shiftEnd: number;
  /** A break of `duration` seconds starting within [earliest, latest] (long shifts). */
  break?: { earliest: number; latest: number; duration: number };
}

export interface PlanInput {
  stops: PlanStop[];
  vehicles: PlanVehicle[];
  matrix: Matrix;
  /** Stops that stay on this vehicle in this order. */
  locked: { vehicleId: string; stopIds: string[] }[];
  budgetMs: number;
  seed?: number;
  maxIterations?: number;
}

export interface PlannedRoute {
  vehicleId: string;
  stopIds: string[];
  arrivals: number[];
  distance: number;
  duration: number;
  start: number;
  end: number;
  /** When each break starts (shifts with a break). */
  breakStarts: number[];
}

export interface PlanOutput {
  routes: PlannedRoute[];
  unassigned: { stopId: string; reason: 'capacity' | 'time_window' | 'shift' | 'no_vehicle' }[];
  distance: number;
  iterations: number;
}

/** Builds the VRP problem a plan input stands for (also used by tests to validate the answer). */
export function vrpProblemOf(input: PlanInput): VrpProblem {
  return {
    vehicles: input.vehicles.map((v) => ({
      id: v.id,
      capacity: [v.capacityKg * 1000, Math.round(v.capacityLitres * 1000)],
      startLocation: 0,
      endLocation: 0,
      shiftStart: v.shiftStart,
      shiftEnd: v.shiftEnd,
      ...(v.break ? { breaks: [v.break] } : {}),
    })),
    jobs: input.stops.map((s) => ({
      id: s.id,
      location: s.location,
      demand: [s.weightGrams, Math.round(s.volumeLitres * 1000)],
      serviceTime: s.serviceSeconds,
      windows: [s.window],
    })),
    durations: toRows(input.matrix.seconds, input.matrix.size),
    distances: toRows(input.matrix.metres, input.matrix.size),
    locked: input.locked.map((l) => ({ vehicleId: l.vehicleId, jobIds: l.stopIds })),
    objective: 'distance',
  };
}

function toRows(flat: Float64Array, n: number): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) rows.push(flat.subarray(i * n, (i + 1) * n));
  return rows;
}

/** Runs the optimiser in a worker thread (the service stays responsive) and shapes its answer. */
export async function planRounds(input: PlanInput): Promise<PlanOutput> {
  if (input.stops.length === 0) return { routes: [], unassigned: [], distance: 0, iterations: 0 };
  if (input.vehicles.length === 0)
    return {
      routes: [],
      unassigned: input.stops.map((s) => ({ stopId: s.id, reason: 'no_vehicle' })),
      distance: 0,
      iterations: 0,
    };
  const problem = vrpProblemOf(input);
  const options = {
    budgetMs: input.budgetMs,
    seed: input.seed ?? 1,
    ...(input.maxIterations ? { maxIterations: input.maxIterations } : {}),
  };
  // A worker that cannot start must not stop planning: solving on this thread only costs responsiveness.
  const solution: VrpSolution = await solveInWorker(problem, options).catch(() => solve(problem, options));
  const service = new Map(input.stops.map((stop) => [stop.id, stop.serviceSeconds]));
  return {
    routes: solution.routes
      .filter((r) => r.jobIds.length > 0)
      .map((r) => ({
        vehicleId: r.vehicleId,
        stopIds: r.jobIds,
        // Service start (after any wait for the window): what the customer sees as the arrival.
        arrivals: r.jobIds.map((id, i) => (r.departures[i] ?? 0) - (service.get(id) ?? 0)),
        distance: r.distance,
        duration: r.duration,
        start: r.start,
        end: r.end,
        breakStarts: r.breakStarts ?? (r.breakStart === undefined ? [] : [r.breakStart]),
      })),
    unassigned: solution.unassigned.map((u) => ({ stopId: u.jobId, reason: u.reason })),
    distance: solution.distance,
    iterations: solution.iterations,
  };
}
