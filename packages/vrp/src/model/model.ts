import type { VrpMatrix, VrpProblem } from '../types.ts';

/** A vehicle in solver form: node indices, capacity per dimension, shift and breaks. */
export interface ModelVehicle {
  startNode: number;
  endNode: number;
  capacity: Float64Array;
  shiftStart: number;
  shiftEnd: number;
  fixedCost: number;
  breaks: { earliest: number; latest: number; duration: number }[];
  /** Vehicles with the same end location and shift end share it: their route tails are interchangeable. */
  endClass: number;
}

/**
 * The problem in flat typed arrays. Nodes 0..n-1 are jobs; vehicle v starts at node n+2v and ends at
 * node n+2v+1, so every route reads its own depots from the same node matrices.
 */
export interface Model {
  n: number;
  nodeCount: number;
  dims: number;
  time: Float64Array;
  dist: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  /** Window k of node x is [wOpen[k], wClose[k]] for k in winStart[x]..winStart[x+1]-1. */
  winStart: Int32Array;
  wOpen: Float64Array;
  wClose: Float64Array;
  open: Float64Array;
  close: Float64Array;
  singleWindow: Uint8Array;
  vehicles: ModelVehicle[];
  /** For each job, the other jobs nearest first (row j at j*(n-1)). */
  neighbours: Int32Array;
  locked: Uint8Array;
  lockedRoutes: { vehicle: number; jobs: number[] }[];
  /** Distance of each job from the first vehicle's start, for the recreate orderings. */
  depotDistance: Float64Array;
  totalDemand: Float64Array;
}

/** Reads entry (i, j) of a matrix given as rows or as one flat array. */
export function matrixReader(matrix: VrpMatrix): (i: number, j: number) => number {
  if (matrix instanceof Float64Array) {
    const size = Math.round(Math.sqrt(matrix.length));
    if (size * size !== matrix.length) throw new RangeError('a flat matrix must hold n² values');
    return (i, j) => matrix[i * size + j] ?? NaN;
  }
  return (i, j) => matrix[i]?.[j] ?? NaN;
}

/** Builds the solver model; throws a RangeError on malformed input. */
export function buildModel(problem: VrpProblem): Model {
  const n = problem.jobs.length;
  const vehicleCount = problem.vehicles.length;
  const nodeCount = n + 2 * vehicleCount;
  const dims = Math.max(
    1,
    ...problem.vehicles.map((v) => v.capacity.length),
    ...problem.jobs.map((j) => j.demand.length),
  );
  const location = new Int32Array(nodeCount);
  const service = new Float64Array(nodeCount);
  const demand = new Float64Array(n * dims);
  const windows: [number, number][][] = [];
  problem.jobs.forEach((job, j) => {
    location[j] = job.location;
    service[j] = job.serviceTime;
    job.demand.forEach((value, d) => (demand[j * dims + d] = value));
    if (job.windows.length === 0) throw new RangeError(`job ${job.id} has no time window`);
    windows.push([...job.windows].sort((a, b) => a[0] - b[0]));
  });
  const endClasses = new Map<string, number>();
  const vehicles = problem.vehicles.map((vehicle, v): ModelVehicle => {
    const endKey = `${vehicle.endLocation}|${vehicle.shiftEnd}`;
    if (!endClasses.has(endKey)) endClasses.set(endKey, endClasses.size);
    location[n + 2 * v] = vehicle.startLocation;
    location[n + 2 * v + 1] = vehicle.endLocation;
    const capacity = new Float64Array(dims).fill(Infinity);
    vehicle.capacity.forEach((value, d) => (capacity[d] = value));
    return {
      startNode: n + 2 * v,
      endNode: n + 2 * v + 1,
      capacity,
      shiftStart: vehicle.shiftStart,
      shiftEnd: vehicle.shiftEnd,
      fixedCost: vehicle.fixedCost ?? 0,
      breaks: [...(vehicle.breaks ?? [])].sort((a, b) => a.earliest - b.earliest),
      endClass: endClasses.get(endKey)!,
    };
  });
  for (const vehicle of problem.vehicles) {
    windows.push([[vehicle.shiftStart, vehicle.shiftEnd]], [[vehicle.shiftStart, vehicle.shiftEnd]]);
  }
  const winStart = new Int32Array(nodeCount + 1);
  windows.forEach((list, x) => (winStart[x + 1] = winStart[x]! + list.length));
  const flat = windows.flat();
  const time = nodeMatrix(problem.durations, location);
  const dist = problem.distances === problem.durations ? time : nodeMatrix(problem.distances, location);
  const ids = new Map(problem.jobs.map((job, j) => [job.id, j]));
  const vehicleIds = new Map(problem.vehicles.map((vehicle, v) => [vehicle.id, v]));
  const locked = new Uint8Array(n);
  const lockedRoutes = (problem.locked ?? []).map((entry) => {
    const vehicle = vehicleIds.get(entry.vehicleId);
    if (vehicle === undefined)
      throw new RangeError(`locked stops name an unknown vehicle ${entry.vehicleId}`);
    const jobs = entry.jobIds.map((id) => {
      const j = ids.get(id);
      if (j === undefined) throw new RangeError(`locked stops name an unknown job ${id}`);
      locked[j] = 1;
      return j;
    });
    return { vehicle, jobs };
  });
  const depotDistance = new Float64Array(n);
  const totalDemand = new Float64Array(n);
  const origin = vehicleCount > 0 ? n : 0;
  for (let j = 0; j < n; j++) {
    depotDistance[j] = vehicleCount > 0 ? dist[origin * nodeCount + j]! : 0;
    for (let d = 0; d < dims; d++) totalDemand[j] = totalDemand[j]! + demand[j * dims + d]!;
  }
  return {
    n,
    nodeCount,
    dims,
    time,
    dist,
    service,
    demand,
    winStart,
    wOpen: Float64Array.from(flat, (w) => w[0]),
    wClose: Float64Array.from(flat, (w) => w[1]),
    open: Float64Array.from(windows, (list) => list[0]![0]),
    close: Float64Array.from(windows, (list) => list[list.length - 1]![1]),
    singleWindow: Uint8Array.from(windows, (list) => (list.length === 1 ? 1 : 0)),
    vehicles,
    neighbours: nearestNeighbours(n, nodeCount, dist),
    locked,
    lockedRoutes,
    depotDistance,
    totalDemand,
  };
}

function nodeMatrix(matrix: VrpMatrix, location: Int32Array): Float64Array {
  const read = matrixReader(matrix);
  const count = location.length;
  const out = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      const value = read(location[a]!, location[b]!);
      if (!Number.isFinite(value) && value !== Infinity)
        throw new RangeError('matrix entry missing or not a number');
      out[a * count + b] = value;
    }
  }
  return out;
}

function nearestNeighbours(n: number, nodeCount: number, dist: Float64Array): Int32Array {
  const out = new Int32Array(n * Math.max(0, n - 1));
  const order: number[] = [];
  for (let j = 0; j < n; j++) {
    order.length = 0;
    for (let k = 0; k < n; k++) if (k !== j) order.push(k);
    const d = (k: number): number => dist[j * nodeCount + k]! + dist[k * nodeCount + j]!;
    order.sort((a, b) => d(a) - d(b));
    out.set(order, j * (n - 1));
  }
  return out;
}

/** Earliest service start at node x when arriving at `arrival`, or Infinity when every window has closed. */
export function earliestStart(model: Model, x: number, arrival: number): number {
  for (let k = model.winStart[x]!; k < model.winStart[x + 1]!; k++) {
    if (arrival <= model.wClose[k]!) return Math.max(arrival, model.wOpen[k]!);
  }
  return Infinity;
}

/** Latest service start at node x not after `limit`, or -Infinity when no window opens by then. */
export function latestStart(model: Model, x: number, limit: number): number {
  for (let k = model.winStart[x + 1]! - 1; k >= model.winStart[x]!; k--) {
    if (model.wOpen[k]! <= limit) return Math.min(limit, model.wClose[k]!);
  }
  return -Infinity;
}
