import { DEMO_IDS, DEMO_SITES, type LiveFrame, type Round } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../planning/day-clock.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../test/dispatch-test-app.ts';

const centreId = DEMO_SITES.sortingCentres.almaty;
const date = localDay(new Date(), 300);
const T0 = Date.now();
const at = (minutesAgo: number) => new Date(T0 - minutesAgo * 60_000).toISOString();

describe('driver positions', () => {
  let t: DispatchTestApp;
  let driver: Record<string, string>;
  const ping = (pings: object[]) =>
    t.app.inject({ method: 'POST', url: '/driver/positions', headers: driver, payload: { pings } });

  beforeAll(async () => {
    t = await createDispatchTestApp();
    driver = await t.as('driver');
  });
  afterAll(async () => t.close());

  it('keeps duplicates once and the newest position last, whatever order the pings arrive in', async () => {
    const first = await ping([
      { lat: 43.25, lng: 76.9, at: at(3) },
      { lat: 43.26, lng: 76.91, at: at(1), accuracyM: 8 },
      { lat: 43.26, lng: 76.91, at: at(1), accuracyM: 8 },
    ]);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ accepted: 2 });
    const late = await ping([
      { lat: 43.2, lng: 76.8, at: at(5) },
      { lat: 43.25, lng: 76.9, at: at(3) },
    ]);
    expect(late.json()).toMatchObject({ accepted: 1 });
    const [last] = await t.db.sql`select lat, lng from last_positions where driver_id = ${DEMO_IDS.driver}`;
    expect(last).toEqual({ lat: 43.26, lng: 76.91 });
    const trail = await t.app.inject({
      url: `/dispatch/drivers/${DEMO_IDS.driver}/trail`,
      headers: await t.as('dispatcher'),
    });
    expect(trail.json<{ items: { lat: number }[] }>().items.map((p) => p.lat)).toEqual([43.2, 43.25, 43.26]);
  });

  it('refuses pings from anyone but a driver', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/driver/positions',
      headers: await t.as('dispatcher'),
      payload: { pings: [{ lat: 1, lng: 1, at: at(0) }] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('marks a stop arrived (one arriving event) when the driver enters its geofence', async () => {
    const dispatcher = await t.as('dispatcher');
    await t.app.inject({
      method: 'POST',
      url: '/dispatch/plan',
      headers: dispatcher,
      payload: { centreId, date },
    });
    await t.app.inject({
      method: 'POST',
      url: '/dispatch/publish',
      headers: dispatcher,
      payload: { centreId, date },
    });
    const [round] = (await t.app.inject({ url: '/driver/rounds', headers: driver })).json<{
      items: Round[];
    }>().items;
    await t.app.inject({
      method: 'POST',
      url: `/driver/rounds/${round?.id}/start`,
      headers: { ...driver, 'idempotency-key': 'geofence-start' },
    });
    const target = round?.stops[2];
    const near = { lat: (target?.lat ?? 0) + 0.0003, lng: target?.lng ?? 0 };
    const response = await ping([{ ...near, at: at(0) }]);
    expect(response.json()).toEqual({ accepted: 1, arrived: [target?.id] });
    await ping([{ ...near, at: new Date(T0 + 1000).toISOString() }]);
    expect(await t.events('dispatching.stop.arriving.v1')).toEqual([
      expect.objectContaining({ stopId: target?.id }),
    ]);
  });

  it('streams live frames with driver positions and round progress to dispatchers', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/dispatch/live?centreId=${centreId}&date=${date}`, {
      headers: await t.as('dispatcher'),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value as Uint8Array);
    }
    controller.abort();
    const frame = JSON.parse(/data: (.*)\n/.exec(text)?.[1] ?? '{}') as LiveFrame;
    expect(frame.drivers.map((d) => d.driverId)).toEqual([DEMO_IDS.driver]);
    expect(frame.rounds[0]).toMatchObject({ status: 'started', total: 8 });
  });
});
