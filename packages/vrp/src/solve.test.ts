import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './solve.ts';
import { planeProblem, type PointJob } from './testing/problems.ts';
import type { VrpProblem } from './types.ts';
import { validateSolution } from './validate/validate-solution.ts';

const point = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }));
const windows = fc.oneof(
  fc.constant<[number, number][]>([[0, Infinity]]),
  fc.integer({ min: 0, max: 250 }).map((open): [number, number][] => [[open, open + 60]]),
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 150, max: 250 }))
    .map(([a, b]): [number, number][] => [
      [a, a + 20],
      [b, b + 20],
    ]),
);
const job = fc.record({
  at: point,
  demand: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => [a, b]),
  serviceTime: fc.integer({ min: 0, max: 10 }),
  windows,
});
const vehicle = fc.record({
  capacity: fc
    .tuple(fc.integer({ min: 5, max: 20 }), fc.integer({ min: 5, max: 20 }))
    .map(([a, b]) => [a, b]),
  shiftEnd: fc.integer({ min: 150, max: 400 }),
  fixedCost: fc.integer({ min: 0, max: 30 }),
  breaks: fc.option(
    fc.integer({ min: 20, max: 120 }).map((earliest) => [{ earliest, latest: earliest + 60, duration: 15 }]),
    { nil: undefined },
  ),
});
const problems = fc
  .record({
    depot: point,
    jobs: fc.array(job, { minLength: 1, maxLength: 14 }),
    vehicles: fc.array(vehicle, { minLength: 1, maxLength: 3 }),
  })
  .map(({ depot, jobs, vehicles }) => planeProblem(depot, jobs as PointJob[], vehicles));

describe('solve', () => {
  it('never breaks a hard constraint on random small problems (checked by the validator)', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const solution = solve(problem, { maxIterations: 150, seed });
        const { errors } = validateSolution(problem, solution);
        expect(errors).toEqual([]);
        expect(solution.feasible).toBe(solution.unassigned.length === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('returns the same solution for the same seed and iteration budget', () => {
    const problem = randomProblem(40, 7);
    const first = solve(problem, { maxIterations: 400, seed: 42 });
    const second = solve(problem, { maxIterations: 400, seed: 42 });
    expect(second).toEqual(first);
    expect(first.iterations).toBe(400);
  });

  it('keeps locked stops on their vehicle in their order', () => {
    const base = randomProblem(30, 3);
    const problem: VrpProblem = { ...base, locked: [{ vehicleId: 'v2', jobIds: ['j9', 'j2', 'j17'] }] };
    const solution = solve(problem, { maxIterations: 500, seed: 5 });
    const route = solution.routes.find((r) => r.vehicleId === 'v2');
    expect(route?.jobIds.filter((id) => ['j9', 'j2', 'j17'].includes(id))).toEqual(['j9', 'j2', 'j17']);
    expect(validateSolution(problem, solution).errors).toEqual([]);
  });

  it('keeps locked stops that can no longer be on time, says infeasible and shows the late arrival', () => {
    const problem = planeProblem(
      [0, 0],
      [{ at: [0, 50] }, { at: [0, 100], windows: [[0, 60]] }, { at: [10, 0] }],
      [{ capacity: [10] }],
      { locked: [{ vehicleId: 'v1', jobIds: ['j1', 'j2'] }] },
    );
    const solution = solve(problem, { maxIterations: 50 });
    expect(solution.feasible).toBe(false);
    expect(solution.routes[0]?.jobIds.filter((id) => id !== 'j3')).toEqual(['j1', 'j2']);
    expect(solution.routes[0]?.arrivals[solution.routes[0].jobIds.indexOf('j2')]).toBe(100);
    expect(validateSolution(problem, solution).errors).toEqual([
      'route v1: serves j2 at 100, outside its windows',
    ]);
  });

  it('gives every vehicle with stops its break inside the break window', () => {
    const base = randomProblem(25, 11);
    const problem: VrpProblem = {
      ...base,
      vehicles: base.vehicles.map((v) => ({ ...v, breaks: [{ earliest: 100, latest: 160, duration: 30 }] })),
    };
    const solution = solve(problem, { maxIterations: 300, seed: 2 });
    expect(solution.routes.length).toBeGreaterThan(0);
    for (const route of solution.routes) {
      expect(route.breakStart).toBeGreaterThanOrEqual(100);
      expect(route.breakStart).toBeLessThanOrEqual(160);
    }
    expect(validateSolution(problem, solution).errors).toEqual([]);
  });

  it('reports why a job cannot be served', () => {
    const problem = planeProblem(
      [0, 0],
      [
        { at: [1, 0] },
        { at: [2, 0], demand: [50] },
        { at: [300, 0], windows: [[0, 100]] },
        { at: [0, 450], windows: [[0, 500]] },
      ],
      [{ capacity: [10], shiftEnd: 800 }],
    );
    const solution = solve(problem, { maxIterations: 50 });
    expect(solution.routes[0]?.jobIds).toEqual(['j1']);
    expect(Object.fromEntries(solution.unassigned.map((u) => [u.jobId, u.reason]))).toEqual({
      j2: 'capacity',
      j3: 'time_window',
      j4: 'shift',
    });
    const noFleet = solve({ ...problem, vehicles: [] }, { maxIterations: 10 });
    expect(noFleet.unassigned.map((u) => u.reason)).toEqual([
      'no_vehicle',
      'no_vehicle',
      'no_vehicle',
      'no_vehicle',
    ]);
  });

  it('uses no more vehicles under the vehicles objective than under the distance objective', () => {
    const problem = randomProblem(40, 13);
    const byDistance = solve(problem, { maxIterations: 3000, seed: 1 });
    const byVehicles = solve({ ...problem, objective: 'vehicles' }, { maxIterations: 3000, seed: 1 });
    expect(validateSolution({ ...problem, objective: 'vehicles' }, byVehicles).errors).toEqual([]);
    expect(byVehicles.unassigned).toEqual([]);
    expect(byVehicles.vehicles).toBeLessThanOrEqual(byDistance.vehicles);
  });

  it('accepts flat row-major matrices', () => {
    const problem = randomProblem(20, 17);
    const flat = (rows: VrpProblem['durations']): Float64Array =>
      Float64Array.from((rows as number[][]).flatMap((row) => row));
    const flatProblem = {
      ...problem,
      durations: flat(problem.durations),
      distances: flat(problem.distances),
    };
    const solution = solve(flatProblem, { maxIterations: 200, seed: 3 });
    expect(solution).toEqual(solve(problem, { maxIterations: 200, seed: 3 }));
    expect(validateSolution(flatProblem, solution).ok).toBe(true);
  });
});

/** A seeded problem: `size` jobs with demand 1–3 and windows, vehicles of capacity 10. */
function randomProblem(size: number, seed: number): VrpProblem {
  let state = seed;
  const next = (): number => ((state = (state * 1103515245 + 12345) % 2147483648), state / 2147483648);
  const jobs: PointJob[] = Array.from({ length: size }, () => {
    const open = Math.floor(next() * 300);
    return {
      at: [Math.floor(next() * 100), Math.floor(next() * 100)],
      demand: [1 + Math.floor(next() * 3)],
      serviceTime: 5,
      windows: [[open, open + 120]],
    };
  });
  return planeProblem(
    [50, 50],
    jobs,
    Array.from({ length: Math.ceil(size / 4) }, () => ({ shiftEnd: 600 })),
  );
}
