import { DEMO_SITES, type Round, type Stop } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../planning/day-clock.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../test/dispatch-test-app.ts';

const centreId = DEMO_SITES.sortingCentres.almaty;
const date = localDay(new Date(), 300);
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the driver app', () => {
  let t: DispatchTestApp;
  let driver: Record<string, string>;
  let round: Round;
  const act = (url: string, key: string, payload: object = {}, headers = driver) =>
    t.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': key }, payload });
  const stopAt = (i: number): Stop => {
    const stop = round.stops[i];
    if (!stop) throw new Error(`no stop ${i}`);
    return stop;
  };

  beforeAll(async () => {
    t = await createDispatchTestApp();
    driver = await t.as('driver');
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
    const mine = await t.app.inject({ url: '/driver/rounds', headers: driver });
    [round] = mine.json<{ items: Round[] }>().items as [Round];
  });
  afterAll(async () => t.close());

  it("shows the driver today's published round in order, and nothing to another driver", async () => {
    expect(round.status).toBe('published');
    expect(round.stops.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const other = await t.app.inject({ url: '/driver/rounds', headers: await t.as('otherDriver') });
    expect(other.json()).toEqual({ items: [] });
  });

  it('refuses actions without an Idempotency-Key, and another driver cannot start the round', async () => {
    const bare = await t.app.inject({
      method: 'POST',
      url: `/driver/rounds/${round.id}/start`,
      headers: driver,
    });
    expect(bare.statusCode).toBe(400);
    const stranger = await act(
      `/driver/rounds/${round.id}/start`,
      'start-stranger-1',
      {},
      await t.as('otherDriver'),
    );
    expect(stranger.json()).toMatchObject({ code: 'ROUND_NOT_FOUND' });
  });

  it('starts the round once even when the request is replayed after a network drop', async () => {
    const first = await act(`/driver/rounds/${round.id}/start`, 'start-round-0001');
    const replay = await act(`/driver/rounds/${round.id}/start`, 'start-round-0001');
    expect(first.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(first.json<Round>().stops.every((s) => s.status === 'out')).toBe(true);
    expect(await t.events('dispatching.round.started.v1')).toHaveLength(1);
    const again = await act(`/driver/rounds/${round.id}/start`, 'start-round-0002');
    expect(again.json()).toMatchObject({ code: 'ROUND_TRANSITION_NOT_ALLOWED' });
  });

  it('delivers with a signature once: the replay answers the same, one delivered event, proof file stored', async () => {
    const stop = round.stops.find((s) => !s.cashOnDelivery) ?? stopAt(0);
    const arrived = await act(`/driver/stops/${stop.id}/arrive`, `arrive-${stop.id}`, {});
    expect(arrived.json()).toMatchObject({ status: 'arrived' });
    const body = { recipientName: 'Aliya', signature: SIGNATURE, position: { lat: stop.lat, lng: stop.lng } };
    const first = await act(`/driver/stops/${stop.id}/deliver`, `deliver-${stop.id}`, body);
    const replay = await act(`/driver/stops/${stop.id}/deliver`, `deliver-${stop.id}`, body);
    expect(first.json()).toMatchObject({ status: 'delivered' });
    expect(replay.json()).toEqual(first.json());
    const delivered = await t.events('dispatching.stop.delivered.v1');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      stopId: stop.id,
      proof: { kind: 'signature', recipientName: 'Aliya' },
    });
    const reused = await act(`/driver/stops/${stop.id}/deliver`, `deliver-${stop.id}`, {
      ...body,
      recipientName: 'X',
    });
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const [media] = await t.db.sql`select kind, content_type from proof_media where stop_id = ${stop.id}`;
    expect(media).toEqual({ kind: 'signature', content_type: 'image/png' });
  });

  it('collects the exact cash on delivery before handing over, and announces it', async () => {
    const stop = round.stops.find((s) => s.cashOnDelivery);
    if (!stop?.cashOnDelivery) throw new Error('the demo has a cash-on-delivery parcel');
    const [row] = await t.db.sql<{ pin: string }[]>`select pin from stops where id = ${stop.id}`;
    const short = await act(`/driver/stops/${stop.id}/deliver`, `cod-short-${stop.id}`, {
      pin: row?.pin,
      cashCollected: { amount: stop.cashOnDelivery.amount - 100, currency: 'KZT' },
    });
    expect(short.json()).toMatchObject({ code: 'CASH_MISMATCH' });
    const wrongPin = await act(`/driver/stops/${stop.id}/deliver`, `cod-pin-${stop.id}`, {
      pin: row?.pin === '0000' ? '1111' : '0000',
      cashCollected: stop.cashOnDelivery,
    });
    expect(wrongPin.json()).toMatchObject({ code: 'WRONG_PIN' });
    const paid = await act(`/driver/stops/${stop.id}/deliver`, `cod-paid-${stop.id}`, {
      pin: row?.pin,
      cashCollected: stop.cashOnDelivery,
    });
    expect(paid.json()).toMatchObject({ status: 'delivered' });
    expect(await t.events('dispatching.stop.cash_collected.v1')).toEqual([
      expect.objectContaining({ stopId: stop.id, amount: stop.cashOnDelivery }),
    ]);
  });

  it('fails an attempt with a reason from the list, and refuses a reason outside it', async () => {
    const stop = stopAt(round.stops.length - 1);
    const odd = await act(`/driver/stops/${stop.id}/fail`, `fail-odd-${stop.id}`, { reason: 'bored' });
    expect(odd.statusCode).toBe(400);
    const failed = await act(`/driver/stops/${stop.id}/fail`, `fail-${stop.id}`, {
      reason: 'recipient_absent',
    });
    expect(failed.json()).toMatchObject({ status: 'failed', failureReason: 'recipient_absent' });
    expect(await t.events('dispatching.stop.delivery_failed.v1')).toEqual([
      expect.objectContaining({ stopId: stop.id, reason: 'recipient_absent' }),
    ]);
  });

  it('completes the round when the last stop is done', async () => {
    const open = (await t.app.inject({ url: '/driver/rounds', headers: driver }))
      .json<{ items: Round[] }>()
      .items[0]?.stops.filter((s) => s.status === 'out');
    for (const stop of open ?? [])
      await act(`/driver/stops/${stop.id}/deliver`, `done-${stop.id}`, { recipientName: 'Neighbour' });
    const [row] = await t.db.sql`select status from rounds where id = ${round.id}`;
    expect(row).toEqual({ status: 'completed' });
  });
});
