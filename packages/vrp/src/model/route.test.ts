import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planeProblem } from '../testing/problems.ts';
import { buildModel, earliestStart } from './model.ts';
import { scheduleRoute } from './schedule.ts';
import { Solution } from './solution.ts';

const windows = fc.oneof(
  fc.constant<[number, number][]>([[0, Infinity]]),
  fc.integer({ min: 0, max: 300 }).map((open): [number, number][] => [[open, open + 80]]),
  fc
    .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 160, max: 300 }))
    .map(([a, b]): [number, number][] => [
      [a, a + 30],
      [b, b + 30],
    ]),
);
const jobs = fc.array(
  fc.record({
    at: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
    serviceTime: fc.integer({ min: 0, max: 15 }),
    windows,
  }),
  { minLength: 2, maxLength: 9 },
);

describe('route slack data', () => {
  it('says an insertion fits exactly when timing the whole new route says so', () => {
    fc.assert(
      fc.property(jobs, fc.integer({ min: 200, max: 600 }), (list, shiftEnd) => {
        const problem = planeProblem([30, 30], list, [{ shiftEnd, capacity: [100] }]);
        const model = buildModel(problem);
        const sol = new Solution(model);
        const route = sol.routes[0]!;
        // The route holds every job but the last, in index order, kept only while it stays feasible.
        const outside = model.n - 1;
        for (let j = 0; j < outside; j++) {
          route.nodes[route.len + 1] = j;
          route.len++;
          const seq = route.nodes.slice(0, route.len + 2);
          seq[route.len + 1] = model.vehicles[0]!.endNode;
          if (!scheduleRoute(model, 0, seq, route.len + 2)) route.len--;
        }
        sol.refresh(0);
        const { time, service, nodeCount } = model;
        for (let p = 0; p <= route.len; p++) {
          const a = route.nodes[p]!;
          const b = route.nodes[p + 1]!;
          const begin = earliestStart(
            model,
            outside,
            route.start[p]! + service[a]! + time[a * nodeCount + outside]!,
          );
          const bySlack =
            begin !== Infinity &&
            begin + service[outside]! + time[outside * nodeCount + b]! <= route.latest[p + 1]!;
          const seq = Int32Array.from([
            ...route.nodes.subarray(0, p + 1),
            outside,
            ...route.nodes.subarray(p + 1, route.len + 2),
          ]);
          expect(bySlack).toBe(scheduleRoute(model, 0, seq, seq.length));
        }
      }),
      { numRuns: 300 },
    );
  });
});
