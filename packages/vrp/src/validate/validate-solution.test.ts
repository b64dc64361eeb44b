import { describe, expect, it } from 'vitest';
import { planeProblem } from '../testing/problems.ts';
import type { VrpRoute, VrpSolution } from '../types.ts';
import { validateSolution } from './validate-solution.ts';

// Depot at 0; j1 at x=3, j2 at x=4 (travel 3, then 1, then back 4: distance 8).
const problem = planeProblem(
  [0, 0],
  [
    { at: [3, 0], demand: [4], serviceTime: 2, windows: [[5, 10]] },
    { at: [4, 0], demand: [5], serviceTime: 1, windows: [[0, 9]] },
  ],
  [{ capacity: [10], shiftEnd: 100 }, { capacity: [10] }],
);

function route(overrides: Partial<VrpRoute> = {}): VrpRoute {
  return {
    vehicleId: 'v1',
    jobIds: ['j1', 'j2'],
    arrivals: [3, 8],
    departures: [7, 9],
    start: 0,
    end: 13,
    distance: 8,
    duration: 13,
    load: [9],
    ...overrides,
  };
}

function solution(routes: VrpRoute[], extra: Partial<VrpSolution> = {}): VrpSolution {
  const distance = routes.reduce((sum, r) => sum + r.distance, 0);
  return {
    routes,
    unassigned: [],
    distance,
    vehicles: routes.length,
    feasible: true,
    iterations: 0,
    ...extra,
  };
}

describe('validateSolution', () => {
  it('accepts a route that waits for a window and respects capacity', () => {
    expect(validateSolution(problem, solution([route()]))).toEqual({ ok: true, errors: [] });
  });

  it('rejects a load over the vehicle capacity', () => {
    const small = { ...problem, vehicles: problem.vehicles.map((v) => ({ ...v, capacity: [8] })) };
    const result = validateSolution(small, solution([route()]));
    expect(result.ok).toBe(false);
    expect(result.errors.join()).toMatch(/over capacity/);
  });

  it('rejects a service that starts after its window closes', () => {
    const late = route({ jobIds: ['j2', 'j1'], arrivals: [4, 11], departures: [5, 13], end: 16 });
    const result = validateSolution(problem, solution([{ ...late, distance: 8 }]));
    expect(result.errors.join()).toMatch(/outside its windows/);
  });

  it('rejects a timetable that drives faster than the matrix allows', () => {
    const result = validateSolution(
      problem,
      solution([route({ arrivals: [1, 8], departures: [7, 9], start: 0 })]),
    );
    expect(result.errors.join()).toMatch(/too early|too short/);
  });

  it('rejects a job served twice', () => {
    const twice = route({ jobIds: ['j1', 'j2', 'j2'], arrivals: [3, 8, 9], departures: [7, 9, 10], end: 14 });
    const result = validateSolution(problem, solution([{ ...twice, distance: 8 }]));
    expect(result.errors.join()).toMatch(/j2 appears 2 times/);
  });

  it('rejects a job that is neither served nor reported unassigned', () => {
    const one = route({ jobIds: ['j1'], arrivals: [3], departures: [7], end: 10, distance: 6 });
    expect(validateSolution(problem, solution([one])).errors).toContain('job j2 is missing');
    const reported = solution([one], { unassigned: [{ jobId: 'j2', reason: 'capacity' }], feasible: false });
    expect(validateSolution(problem, reported).ok).toBe(true);
  });

  it('rejects a route that returns after the shift ends', () => {
    const short = { ...problem, vehicles: problem.vehicles.map((v) => ({ ...v, shiftEnd: 12 })) };
    expect(validateSolution(short, solution([route()])).errors.join()).toMatch(/after the shift/);
  });

  it('rejects a wrong distance and a feasible flag with unassigned jobs', () => {
    const wrong = solution([route({ distance: 7 })], { distance: 7 });
    expect(validateSolution(problem, wrong).errors.join()).toMatch(/distance 7 should be 8/);
    const one = route({ jobIds: ['j1'], arrivals: [3], departures: [7], end: 10, distance: 6 });
    const flagged = solution([one], { unassigned: [{ jobId: 'j2', reason: 'capacity' }] });
    expect(validateSolution(problem, flagged).errors).toContain('feasible although jobs are unassigned');
  });

  it('checks that each break sits in its window between two services', () => {
    const withBreak = {
      ...problem,
      vehicles: problem.vehicles.map((v) => ({ ...v, breaks: [{ earliest: 7, latest: 8, duration: 3 }] })),
    };
    // Break 7–10 after j1, then drive 1: j2 reached at 11, outside its window [0, 9].
    const inWindow = route({
      arrivals: [3, 11],
      departures: [7, 12],
      end: 16,
      breakStart: 7,
      breakStarts: [7],
    });
    expect(validateSolution(withBreak, solution([inWindow])).errors.join()).toMatch(/j2 at 11/);
    const missing = route();
    expect(validateSolution(withBreak, solution([missing])).errors.join()).toMatch(/breaks not all taken/);
    const overlapping = route({ breakStart: 5, breakStarts: [5] });
    expect(validateSolution(withBreak, solution([overlapping])).errors.join()).toMatch(
      /outside its window|overlaps/,
    );
  });

  it('rejects locked stops out of order or on another vehicle', () => {
    const locked = { ...problem, locked: [{ vehicleId: 'v2', jobIds: ['j1'] }] };
    expect(validateSolution(locked, solution([route()])).errors.join()).toMatch(/locked stops of v2/);
  });
});
