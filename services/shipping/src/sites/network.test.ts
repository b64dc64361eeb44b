import { describe, expect, it } from 'vitest';
import { distanceKm, nearestCentre, promisedDateByRule, type Centre } from './network.ts';

const CENTRES: Centre[] = [
  { id: 'ala', name: 'Almaty', city: 'Almaty', lat: 43.2389, lng: 76.8897, radiusKm: 60 },
  { id: 'nqz', name: 'Astana', city: 'Astana', lat: 51.1605, lng: 71.4704, radiusKm: 60 },
  { id: 'cit', name: 'Shymkent', city: 'Shymkent', lat: 42.3417, lng: 69.5901, radiusKm: 50 },
];

describe('the network', () => {
  it('measures Almaty to Astana at about 970 km', () => {
    expect(distanceKm(CENTRES[0] as Centre, CENTRES[1] as Centre)).toBeGreaterThan(950);
    expect(distanceKm(CENTRES[0] as Centre, CENTRES[1] as Centre)).toBeLessThan(990);
  });

  it('serves an Almaty address from the Almaty centre and leaves Aktobe to a carrier', () => {
    expect(nearestCentre(CENTRES, { lat: 43.22, lng: 76.85 })).toMatchObject({
      centre: { id: 'ala' },
      served: true,
    });
    expect(nearestCentre(CENTRES, { lat: 50.2839, lng: 57.167 })).toMatchObject({ served: false });
    expect(nearestCentre([], { lat: 0, lng: 0 })).toBeNull();
  });

  it('promises the next local day in town, and more days for distance and carriers', () => {
    const lateEvening = new Date('2026-11-20T20:30:00Z'); // already 21 November in Almaty
    expect(promisedDateByRule(lateEvening, 10, false)).toBe('2026-11-22');
    expect(promisedDateByRule(lateEvening, 500, false)).toBe('2026-11-23');
    expect(promisedDateByRule(lateEvening, 1500, true)).toBe('2026-11-27');
  });
});
