import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/model.ts';
import { Random } from '../model/random.ts';
import { scheduleRoute } from '../model/schedule.ts';
import { Solution } from '../model/solution.ts';
import { toVrpSolution } from '../solution-output.ts';
import { planeProblem } from '../testing/problems.ts';
import { validateSolution } from '../validate/validate-solution.ts';
import { localSearch } from './local-search.ts';
import { insertJobs } from './recreate.ts';

const job = fc.record({
  at: fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 })),
  demand: fc.integer({ min: 1, max: 4 }).map((d) => [d]),
  serviceTime: fc.integer({ min: 0, max: 10 }),
  windows: fc.integer({ min: 0, max: 300 }).map((open): [number, number][] => [[open, open + 100]]),
});

describe('localSearch', () => {
  it('only accepts improving moves and keeps every constraint and locked stop', () => {
    fc.assert(
      fc.property(
        fc.array(job, { minLength: 4, maxLength: 30 }),
        fc.integer({ min: 1, max: 99 }),
        (list, seed) => {
          const problem = planeProblem(
            [40, 40],
            list,
            [{}, {}, {}, {}, {}].map(() => ({ shiftEnd: 800 })),
          );
          const locked = { ...problem, locked: [{ vehicleId: 'v1', jobIds: ['j1', 'j2'] }] };
          const model = buildModel(locked);
          const sol = new Solution(model);
          sol.routes[0]!.nodes.set([0, 1, model.vehicles[0]!.endNode], 1);
          sol.routes[0]!.len = 2;
          fc.pre(scheduleRoute(model, 0, sol.routes[0]!.nodes, 4));
          sol.refresh(0);
          const rng = new Random(seed);
          const free = Array.from({ length: model.n - 2 }, (_, k) => k + 2);
          // Random insertion order and heavy blinking give a poor start for the descent to improve.
          insertJobs(sol, free, free.length, rng, { blinkRate: 0.5, maxRoutes: 5 }, new Uint8Array(5));
          const before = sol.cost();
          localSearch(sol, rng);
          expect(sol.cost()).toBeLessThanOrEqual(before + 1e-9);
          expect(validateSolution(locked, toVrpSolution(locked, sol, 0)).errors).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
