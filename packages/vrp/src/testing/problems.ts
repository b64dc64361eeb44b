/** Small hand-made problems for the tests: points on a plane, travel = Euclidean distance. */
import type { VrpJob, VrpProblem, VrpVehicle } from '../types.ts';

export interface PointJob extends Partial<Omit<VrpJob, 'location'>> {
  at: [number, number];
}

/** Location 0 is the depot at `depot`; job i is at location i + 1. */
export function planeProblem(
  depot: [number, number],
  jobs: PointJob[],
  vehicles: Partial<VrpVehicle>[],
  extra: Partial<VrpProblem> = {},
): VrpProblem {
  const points = [depot, ...jobs.map((job) => job.at)];
  const matrix = points.map((a) => points.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
  return {
    vehicles: vehicles.map((vehicle, v) => ({
      id: `v${v + 1}`,
      capacity: [10],
      startLocation: 0,
      endLocation: 0,
      shiftStart: 0,
      shiftEnd: 1000,
      ...vehicle,
    })),
    jobs: jobs.map(({ at: _at, ...job }, i) => ({
      id: `j${i + 1}`,
      location: i + 1,
      demand: [1],
      serviceTime: 0,
      windows: [[0, Infinity]],
      ...job,
    })),
    durations: matrix,
    distances: matrix,
    ...extra,
  };
}
