/** A vehicle: its capacity per dimension (weight, volume…), its depots and its shift in seconds. */
export interface VrpVehicle {
  id: string;
  capacity: number[];
  startLocation: number;
  endLocation: number;
  shiftStart: number;
  shiftEnd: number;
  /** Breaks taken in order; each starts inside [earliest, latest] and lasts `duration` seconds. */
  breaks?: { earliest: number; latest: number; duration: number }[];
  /** Cost added to the objective when the vehicle is used (same unit as distances). */
  fixedCost?: number;
}

/** A stop to serve: its location index, demand per capacity dimension and allowed start windows. */
export interface VrpJob {
  id: string;
  location: number;
  demand: number[];
  serviceTime: number;
  /** At least one window, in seconds; service starts inside one of them; [0, Infinity] is allowed. */
  windows: [number, number][];
}

/** A square matrix over locations: rows, or one flat row-major Float64Array (n² values). */
export type VrpMatrix = ArrayLike<number>[] | Float64Array;

/** Everything the optimiser needs; location indices point into the matrices. */
export interface VrpProblem {
  vehicles: VrpVehicle[];
  jobs: VrpJob[];
  /** Travel seconds. */
  durations: VrpMatrix;
  /** Metres (or any distance unit): the objective. */
  distances: VrpMatrix;
  /** Stops already fixed: these jobs stay on this vehicle in this order (re-optimisation keeps locked stops). */
  locked?: { vehicleId: string; jobIds: string[] }[];
  /** `distance` (default): total distance plus fixed costs; `vehicles`: fewest vehicles first, then distance. */
  objective?: 'distance' | 'vehicles';
}

/** One vehicle's round; arrivals/departures are per job (departure = end of service). */
export interface VrpRoute {
  vehicleId: string;
  jobIds: string[];
  arrivals: number[];
  departures: number[];
  /** Start of the first break, when the vehicle has breaks. */
  breakStart?: number;
  /** Start of every break in order, when the vehicle has breaks. */
  breakStarts?: number[];
  /** Leaves the start location at this time. */
  start: number;
  /** Reaches the end location at this time. */
  end: number;
  distance: number;
  /** end − start, seconds. */
  duration: number;
  load: number[];
}

/** Why a job could not be placed in any round. */
export type VrpUnassignedReason = 'capacity' | 'time_window' | 'shift' | 'no_vehicle';

/** The optimiser's answer. */
export interface VrpSolution {
  routes: VrpRoute[];
  unassigned: { jobId: string; reason: VrpUnassignedReason }[];
  distance: number;
  vehicles: number;
  /** Every job is served and every hard constraint holds. */
  feasible: boolean;
  iterations: number;
}

/** Search limits; stops at whichever of budgetMs / maxIterations comes first (default 1 s). */
export interface VrpOptions {
  budgetMs?: number;
  maxIterations?: number;
  seed?: number;
  /** Clock in milliseconds; defaults to performance.now(). */
  now?: () => number;
}
