import { DEMO_SITES, type DispatchBoard } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECOND_DRIVER } from '../demo/seed-demo.ts';
import { localDay } from '../planning/day-clock.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../test/dispatch-test-app.ts';

const centreId = DEMO_SITES.sortingCentres.almaty;
const date = localDay(new Date(), 300);

describe('planning, editing and publishing rounds', () => {
  let t: DispatchTestApp;
  let dispatcher: Record<string, string>;
  const post = async (url: string, payload: unknown) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: dispatcher,
      payload: payload as object,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DispatchBoard>();
  };

  beforeAll(async () => {
    t = await createDispatchTestApp();
    dispatcher = await t.as('dispatcher');
  });
  afterAll(async () => t.close());

  it('refuses the board to drivers and customers', async () => {
    for (const who of ['driver', 'customer'] as const) {
      const response = await t.app.inject({
        url: `/dispatch/board?centreId=${centreId}&date=${date}`,
        headers: await t.as(who),
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('plans the demo morning into one round for the only driver on duty, every stop placed in its window', async () => {
    const board = await post('/dispatch/plan', { centreId, date });
    expect(board.rounds).toHaveLength(1);
    const [round] = board.rounds;
    expect(round?.status).toBe('planned');
    expect(round?.stops).toHaveLength(8);
    expect(board.waiting).toEqual([]);
    for (const stop of round?.stops ?? []) {
      if (!stop.window || !stop.plannedArrival) continue;
      expect(Date.parse(stop.plannedArrival)).toBeGreaterThanOrEqual(Date.parse(stop.window.from));
      expect(Date.parse(stop.plannedArrival)).toBeLessThanOrEqual(Date.parse(stop.window.to));
    }
  });

  it('moves a stop off the round, then back to the front, renumbering both', async () => {
    let board = await post('/dispatch/plan', { centreId, date });
    const stop = board.rounds[0]?.stops[3];
    board = await post(`/dispatch/stops/${stop?.id}/move`, { roundId: null });
    expect(board.waiting.map((s) => s.id)).toEqual([stop?.id]);
    expect(board.rounds[0]?.stops.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    board = await post(`/dispatch/stops/${stop?.id}/move`, { roundId: board.rounds[0]?.id, position: 0 });
    expect(board.rounds[0]?.stops[0]?.id).toBe(stop?.id);
    expect(board.waiting).toEqual([]);
  });

  it('re-optimisation with a second driver keeps locked stops on their round in their order', async () => {
    let board = await post('/dispatch/plan', { centreId, date });
    const round = board.rounds[0];
    const locked = [round?.stops[5], round?.stops[1], round?.stops[6]].map((s) => s?.id ?? '');
    // Move them into a chosen order first: the lock pins that order.
    for (const [position, id] of locked.entries())
      board = await post(`/dispatch/stops/${id}/move`, { roundId: round?.id, position });
    for (const id of locked) {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/dispatch/stops/${id}/lock`,
        headers: dispatcher,
        payload: { locked: true },
      });
      expect(response.json()).toMatchObject({ locked: true });
    }
    const onDuty = await t.app.inject({
      method: 'PATCH',
      url: `/dispatch/drivers/${DEMO_SECOND_DRIVER}`,
      headers: dispatcher,
      payload: { dutyStatus: 'on_duty' },
    });
    expect(onDuty.statusCode).toBe(200);
    board = await post('/dispatch/plan', { centreId, date });
    const same = board.rounds.find((r) => r.id === round?.id);
    expect(same?.stops.filter((s) => locked.includes(s.id)).map((s) => s.id)).toEqual(locked);
    expect(board.rounds.flatMap((r) => r.stops)).toHaveLength(8);
  });

  it('a driver off sick: re-planning cancels their round and hands every stop to the others', async () => {
    let board = await post('/dispatch/plan', { centreId, date });
    const second = board.rounds.find((r) => r.driverId === DEMO_SECOND_DRIVER);
    await t.app.inject({
      method: 'PATCH',
      url: `/dispatch/drivers/${DEMO_SECOND_DRIVER}`,
      headers: dispatcher,
      payload: { dutyStatus: 'sick' },
    });
    board = await post('/dispatch/plan', { centreId, date });
    expect(board.rounds.map((r) => r.driverId)).not.toContain(DEMO_SECOND_DRIVER);
    expect(board.rounds.flatMap((r) => r.stops)).toHaveLength(8);
    if (second) {
      const [row] = await t.db.sql`select status from rounds where id = ${second.id}`;
      expect(row).toEqual({ status: 'cancelled' });
    }
  });

  it('publishing loads every stop once (one loaded_to_round event each) and freezes the round for edits', async () => {
    const board = await post('/dispatch/publish', { centreId, date });
    expect(board.rounds.every((r) => r.status === 'published')).toBe(true);
    const stops = board.rounds.flatMap((r) => r.stops);
    expect(stops.every((s) => s.status === 'loaded')).toBe(true);
    const loaded = await t.events('dispatching.stop.loaded_to_round.v1');
    expect(loaded.map((e) => e.stopId).sort()).toEqual(stops.map((s) => s.id).sort());
    const again = await t.app.inject({
      method: 'POST',
      url: '/dispatch/publish',
      headers: dispatcher,
      payload: { centreId, date, roundIds: [board.rounds[0]?.id] },
    });
    expect(again.json()).toMatchObject({ code: 'ROUND_TRANSITION_NOT_ALLOWED' });
    const move = await t.app.inject({
      method: 'POST',
      url: `/dispatch/stops/${stops[0]?.id}/move`,
      headers: dispatcher,
      payload: { roundId: null },
    });
    expect(move.json()).toMatchObject({ code: 'STOP_STATE_CONFLICT' });
  });
});
