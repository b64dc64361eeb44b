import { validateSolution } from '@sauda/vrp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineProvider } from '../distances/distance-matrix.ts';
import { planRounds, vrpProblemOf, type PlanInput, type PlanOutput } from './plan-rounds.ts';

const distances = haversineProvider({ roadFactor: 1.35, speedKmh: 24 });
const CENTRE = { lat: 43.2905, lng: 76.8852 };

/** Re-validates a plan with the optimiser's independent validator. */
function check(input: PlanInput, plan: PlanOutput) {
  const problem = vrpProblemOf(input);
  const byId = new Map(input.stops.map((s) => [s.id, s]));
  const routes = plan.routes.map((r) => ({
    vehicleId: r.vehicleId,
    jobIds: r.stopIds,
    arrivals: r.arrivals,
    departures: r.stopIds.map((id, i) => (r.arrivals[i] ?? 0) + (byId.get(id)?.serviceSeconds ?? 0)),
    start: r.start,
    end: r.end,
    distance: r.distance,
    duration: r.duration,
    load: [0, 0],
    ...(r.breakStarts.length > 0 ? { breakStart: r.breakStarts[0], breakStarts: r.breakStarts } : {}),
  }));
  return validateSolution(problem, {
    routes,
    unassigned: plan.unassigned.map((u) => ({ jobId: u.stopId, reason: u.reason })),
    distance: plan.distance,
    vehicles: routes.length,
    feasible: plan.unassigned.length === 0,
    iterations: plan.iterations,
  });
}

const stopArb: fc.Arbitrary<StopCase> = fc.record({
  dLat: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
  dLng: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  grams: fc.integer({ min: 100, max: 60_000 }),
  litres: fc.double({ min: 0.5, max: 200, noNaN: true }),
  windowStart: fc.option(fc.integer({ min: 8, max: 17 }), { nil: undefined }),
});
const vehicleArb: fc.Arbitrary<VehicleCase> = fc.record({
  kg: fc.constantFrom(25, 300, 800),
  litres: fc.constantFrom(90, 1200, 6000),
  start: fc.integer({ min: 7, max: 10 }),
  hours: fc.integer({ min: 4, max: 10 }),
});

interface StopCase {
  dLat: number;
  dLng: number;
  grams: number;
  litres: number;
  windowStart: number | undefined;
}
interface VehicleCase {
  kg: number;
  litres: number;
  start: number;
  hours: number;
}

async function inputOf(stops: StopCase[], vehicles: VehicleCase[]): Promise<PlanInput> {
  const points = [CENTRE, ...stops.map((s) => ({ lat: CENTRE.lat + s.dLat, lng: CENTRE.lng + s.dLng }))];
  return {
    stops: stops.map((s, i) => ({
      id: `s${i}`,
      location: i + 1,
      weightGrams: s.grams,
      volumeLitres: s.litres,
      serviceSeconds: 300,
      window: s.windowStart === undefined ? [0, 172_800] : [s.windowStart * 3600, (s.windowStart + 3) * 3600],
    })),
    vehicles: vehicles.map((v, i) => ({
      id: `v${i}`,
      capacityKg: v.kg,
      capacityLitres: v.litres,
      shiftStart: v.start * 3600,
      shiftEnd: (v.start + v.hours) * 3600,
      ...(v.hours > 6
        ? { break: { earliest: (v.start + 3) * 3600, latest: (v.start + 4) * 3600, duration: 1800 } }
        : {}),
    })),
    matrix: await distances.matrix(points),
    locked: [],
    budgetMs: 5000,
    maxIterations: 300,
  };
}

describe('planRounds', () => {
  it('never breaks a hard constraint: every stop once, capacities, windows, shifts (random days)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stopArb, { minLength: 1, maxLength: 18 }),
        fc.array(vehicleArb, { minLength: 1, maxLength: 3 }),
        async (stops, vehicles) => {
          const input = await inputOf(stops, vehicles);
          const plan = await planRounds(input);
          const verdict = check(input, plan);
          expect(verdict.errors).toEqual([]);
          const placed = plan.routes.flatMap((r) => r.stopIds).length + plan.unassigned.length;
          expect(placed).toBe(stops.length);
        },
      ),
      { numRuns: 10, seed: 7 },
    );
  }, 120_000);

  it('keeps locked stops on their vehicle in their order', async () => {
    const stops = Array.from({ length: 10 }, (_, i) => ({
      dLat: Math.sin(i) * 0.05,
      dLng: Math.cos(i) * 0.05,
      grams: 1000,
      litres: 5,
      windowStart: undefined,
    }));
    const input = await inputOf(stops, [
      { kg: 800, litres: 6000, start: 8, hours: 9 },
      { kg: 800, litres: 6000, start: 8, hours: 9 },
    ]);
    input.locked = [{ vehicleId: 'v1', stopIds: ['s7', 's2', 's5'] }];
    const plan = await planRounds(input);
    const route = plan.routes.find((r) => r.vehicleId === 'v1');
    expect(route?.stopIds.filter((id) => ['s7', 's2', 's5'].includes(id))).toEqual(['s7', 's2', 's5']);
    expect(check(input, plan).errors).toEqual([]);
  });

  it('reports every stop unassigned for want of a vehicle when nobody drives', async () => {
    const input = await inputOf([{ dLat: 0, dLng: 0.01, grams: 10, litres: 1, windowStart: undefined }], []);
    expect((await planRounds(input)).unassigned).toEqual([{ stopId: 's0', reason: 'no_vehicle' }]);
  });

  it('reports a parcel heavier than every vehicle as a capacity problem', async () => {
    const input = await inputOf(
      [{ dLat: 0, dLng: 0.01, grams: 50_000, litres: 1, windowStart: undefined }],
      [{ kg: 25, litres: 90, start: 8, hours: 8 }],
    );
    expect((await planRounds(input)).unassigned).toEqual([{ stopId: 's0', reason: 'capacity' }]);
  });
});
