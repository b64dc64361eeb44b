import { describe, expect, it } from 'vitest';
import { solve } from '../solve.ts';
import { planeProblem } from '../testing/problems.ts';
import { solveInWorker } from './solve-in-worker.ts';

describe('solveInWorker', () => {
  it('solves in a worker thread with the same answer as on this thread', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({ at: [i * 7, (i * 13) % 40] as [number, number] }));
    const problem = planeProblem([20, 20], jobs, [{ capacity: [6] }, { capacity: [6] }, { capacity: [6] }]);
    const options = { maxIterations: 200, seed: 9 };
    const solution = await solveInWorker(problem, options);
    expect(solution).toEqual(solve(problem, options));
    expect(solution.unassigned).toEqual([]);
  });
});
