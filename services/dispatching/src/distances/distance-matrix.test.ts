import { createServer, type Server } from 'node:http';
import { eventMigrations, migrate } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../test/dispatch-test-app.ts';
import { haversineProvider, osrmProvider } from './distance-matrix.ts';
import { haversineMetres } from './haversine.ts';

const ALMATY = { lat: 43.2389, lng: 76.8897 };
const ASTANA = { lat: 51.1694, lng: 71.4491 };
const POINTS = [ALMATY, { lat: 43.25, lng: 76.95 }, { lat: 43.22, lng: 76.85 }];

/** A tiny OSRM: `table` answers 100 m and 10 s per index step, and counts the calls. */
function fakeOsrm(): { server: Server; calls: string[] } {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    calls.push(request.url ?? '');
    const coords = /table\/v1\/driving\/([^?]+)/.exec(request.url ?? '')?.[1]?.split(';') ?? [];
    const n = coords.length;
    const grid = (unit: number) =>
      Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.abs(i - j) * unit));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ code: 'Ok', distances: grid(100), durations: grid(10) }));
  });
  return { server, calls };
}

describe('distances', () => {
  it('haversine gives the known Almaty–Astana great-circle distance (≈ 970 km)', () => {
    expect(haversineMetres(ALMATY, ASTANA) / 1000).toBeGreaterThan(960);
    expect(haversineMetres(ALMATY, ASTANA) / 1000).toBeLessThan(980);
  });

  it('the default matrix is haversine × road factor at the city speed, zero on the diagonal', async () => {
    const m = await haversineProvider({ roadFactor: 1.5, speedKmh: 36 }).matrix(POINTS);
    expect(m.metres[0]).toBe(0);
    expect(m.metres[1]).toBe(Math.round(haversineMetres(POINTS[0]!, POINTS[1]!) * 1.5));
    expect(m.seconds[1]).toBe(Math.round((m.metres[1] ?? 0) / 10));
  });

  describe('the OSRM adapter', () => {
    let db: TestDatabase;
    const fake = fakeOsrm();
    let baseUrl = '';
    beforeAll(async () => {
      db = await createTestDatabase('distances');
      await migrate(db.sql, MIGRATIONS, eventMigrations);
      await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
      const address = fake.server.address();
      baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      fake.server.close();
      await db.drop();
    });

    it('asks the engine once (lng,lat order) and answers the next same matrix from the cache', async () => {
      const provider = osrmProvider({ baseUrl, db: db.sql });
      const first = await provider.matrix(POINTS);
      expect(Array.from(first.metres)).toEqual([0, 100, 200, 100, 0, 100, 200, 100, 0]);
      expect(Array.from(first.seconds)).toEqual([0, 10, 20, 10, 0, 10, 20, 10, 0]);
      expect(fake.calls[0]).toContain('/table/v1/driving/76.889700,43.238900;');
      expect(fake.calls[0]).toContain('annotations=duration,distance');
      const second = await provider.matrix(POINTS);
      expect(Array.from(second.metres)).toEqual(Array.from(first.metres));
      expect(fake.calls).toHaveLength(1);
      const [cached] = await db.sql`select count(*)::int as n from distance_cache`;
      expect(cached).toEqual({ n: 6 });
    });

    it('answers ROUTING_UNAVAILABLE when the engine is down', async () => {
      const provider = osrmProvider({ baseUrl: 'http://127.0.0.1:9', db: db.sql, timeoutMs: 500 });
      await expect(provider.matrix([ALMATY, ASTANA])).rejects.toMatchObject({ code: 'ROUTING_UNAVAILABLE' });
    });
  });
});
