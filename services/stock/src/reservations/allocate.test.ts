import { describe, expect, it } from 'vitest';
import { allocate, distanceKm, type Availability, type WantedLine } from './allocate.ts';

const ALA = { id: 'ala', lat: 43.3, lng: 76.9 };
const NQZ = { id: 'nqz', lat: 51.1, lng: 71.5 };
const CIT = { id: 'cit', lat: 42.3, lng: 69.6 };
const DEPOTS = [NQZ, CIT, ALA];
const IN_ALMATY = { lat: 43.24, lng: 76.89 };

const stock = (table: Record<string, Record<string, number>>): Availability =>
  new Map(Object.entries(table).map(([depot, units]) => [depot, new Map(Object.entries(units))]));
const line = (lineId: string, variantId: string, quantity: number): WantedLine => ({
  lineId,
  variantId,
  quantity,
});

const cases: Array<{
  name: string;
  lines: WantedLine[];
  availability: Availability;
  depots?: string[];
  short?: Array<{ lineId: string; available: number }>;
}> = [
  {
    name: 'the nearest depot that has everything ships everything',
    lines: [line('1', 'a', 2), line('2', 'b', 1)],
    availability: stock({ ala: { a: 2, b: 1 }, nqz: { a: 9, b: 9 } }),
    depots: ['ala'],
  },
  {
    name: 'a farther depot with everything beats splitting between nearer ones',
    lines: [line('1', 'a', 1), line('2', 'b', 1)],
    availability: stock({ ala: { a: 1 }, cit: { b: 1 }, nqz: { a: 1, b: 1 } }),
    depots: ['nqz'],
  },
  {
    name: 'without a whole depot, the fewest parcels: one depot takes most lines',
    lines: [line('1', 'a', 1), line('2', 'b', 1), line('3', 'c', 1)],
    availability: stock({ ala: { a: 1 }, cit: { b: 1, c: 1 }, nqz: { a: 1, c: 1 } }),
    depots: ['ala', 'cit'],
  },
  {
    name: 'one line split over depots when no depot holds all its units',
    lines: [line('1', 'a', 5)],
    availability: stock({ ala: { a: 2 }, cit: { a: 2 }, nqz: { a: 2 } }),
    depots: ['ala', 'cit', 'nqz'],
  },
  {
    name: 'two lines of the same variant count together',
    lines: [line('1', 'a', 2), line('2', 'a', 2)],
    availability: stock({ ala: { a: 3 }, nqz: { a: 4 } }),
    depots: ['nqz'],
  },
  {
    name: 'not enough anywhere: the short line says what exists',
    lines: [line('1', 'a', 1), line('2', 'b', 4)],
    availability: stock({ ala: { a: 1, b: 1 }, cit: { b: 2 } }),
    short: [{ lineId: '2', available: 3 }],
  },
  {
    name: 'negative or missing availability never counts',
    lines: [line('1', 'a', 1)],
    availability: stock({ ala: { a: -2 } }),
    short: [{ lineId: '1', available: 0 }],
  },
];

describe('allocate', () => {
  it.each(cases)('$name', ({ lines, availability, depots, short }) => {
    const result = allocate(lines, DEPOTS, availability, IN_ALMATY);
    if (short) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.shortLines.map(({ lineId, available }) => ({ lineId, available }))).toEqual(short);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...new Set(result.allocations.map((a) => a.depotId))].sort()).toEqual(depots);
    // Invariants: every line gets exactly its quantity, and no depot gives more than it has.
    for (const wanted of lines) {
      const given = result.allocations.filter((a) => a.lineId === wanted.lineId);
      expect(given.reduce((sum, a) => sum + a.quantity, 0)).toBe(wanted.quantity);
    }
    const taken = new Map<string, number>();
    for (const a of result.allocations) {
      const key = `${a.depotId}/${a.variantId}`;
      taken.set(key, (taken.get(key) ?? 0) + a.quantity);
      expect(a.quantity).toBeGreaterThan(0);
    }
    for (const [key, n] of taken) {
      const [depot, variant] = key.split('/') as [string, string];
      expect(n).toBeLessThanOrEqual(availability.get(depot)?.get(variant) ?? 0);
    }
  });

  it('measures Almaty to Astana as about 970 km', () => {
    expect(Math.round(distanceKm(ALA, NQZ) / 10) * 10).toBeGreaterThan(940);
    expect(distanceKm(ALA, NQZ)).toBeLessThan(1000);
    expect(distanceKm(ALA, ALA)).toBe(0);
  });
});
