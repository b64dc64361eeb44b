/**
 * The driver app's API: today's rounds, start, arrive, deliver with proof, fail with a reason, position pings.
 * Every action carries an Idempotency-Key, so a replay after a network drop answers the first result again.
 */
import { ArriveStop, DeliverStop, FailStop, PositionBatch, Round, Stop, Uuid } from '@sauda/contracts';
import { idempotencyKeyOf, principalOf, withIdempotency, type App, type Tx } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DispatchContext } from '../context.ts';
import { localDay } from '../planning/day-clock.ts';
import { arriveAtStop } from '../driving/arrive-at-stop.ts';
import { deliverStop } from '../driving/deliver-stop.ts';
import { driverRounds } from '../driving/driver-rounds.ts';
import { failStop } from '../driving/fail-stop.ts';
import { startRound } from '../driving/start-round.ts';
import { recordPositions } from '../positions/record-positions.ts';

const driversOnly = {
  auth: { access: ['driver'], owns: "the caller's own rounds, stops and positions" },
} as const;
const IdParams = Type.Object({ id: Uuid });
const KeyHeader = Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 255 }) });

/** Runs a driver action once per Idempotency-Key and answers the stored result on a replay. */
async function once<T>(
  ctx: DispatchContext,
  request: FastifyRequest,
  reply: FastifyReply,
  action: string,
  work: (tx: Tx, driverId: string, now: Date) => Promise<T>,
): Promise<T> {
  const driverId = principalOf(request).id;
  const answer = await withIdempotency<T>(
    ctx.db,
    {
      scope: `driver:${action}:${driverId}`,
      key: idempotencyKeyOf(request),
      fingerprint: { url: request.url, body: request.body ?? null },
    },
    async (tx) => ({ status: 200, body: await work(tx, driverId, ctx.now()) }),
  );
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return answer.body;
}

/** Registers the driver routes. */
export function driverRoutes(app: App, ctx: DispatchContext): void {
  app.get(
    '/driver/rounds',
    {
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: "The caller's rounds for today (published, started, finished today), stops in order",
        response: { 200: Type.Object({ items: Type.Array(Round) }) },
      },
    },
    async (request) => ({
      items: await driverRounds(ctx.db, principalOf(request).id, localDay(ctx.now(), 300)),
    }),
  );
  app.post(
    '/driver/rounds/:id/start',
    {
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: 'Start the round: every parcel is out for delivery',
        params: IdParams,
        headers: KeyHeader,
        response: { 200: Round },
      },
    },
    async (request, reply) =>
      once(ctx, request, reply, 'start', (tx, driverId, now) =>
        startRound(tx, driverId, request.params.id, now),
      ),
  );
  app.post(
    '/driver/stops/:id/arrive',
    {
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: 'Arrived at the stop',
        params: IdParams,
        headers: KeyHeader,
        body: ArriveStop,
        response: { 200: Stop },
      },
    },
    async (request, reply) =>
      once(ctx, request, reply, 'arrive', (tx, driverId, now) =>
        arriveAtStop(tx, driverId, request.params.id, request.body.position, now),
      ),
  );
  app.post(
    '/driver/stops/:id/deliver',
    {
      bodyLimit: 4 * 1024 * 1024,
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: 'Delivered with proof (signature, photo, PIN or name; geotag) and the cash due',
        params: IdParams,
        headers: KeyHeader,
        body: DeliverStop,
        response: { 200: Stop },
      },
    },
    async (request, reply) =>
      once(ctx, request, reply, 'deliver', (tx, driverId, now) =>
        deliverStop(tx, ctx.distances, driverId, request.params.id, request.body, now),
      ),
  );
  app.post(
    '/driver/stops/:id/fail',
    {
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: 'A failed attempt with its reason',
        params: IdParams,
        headers: KeyHeader,
        body: FailStop,
        response: { 200: Stop },
      },
    },
    async (request, reply) =>
      once(ctx, request, reply, 'fail', (tx, driverId, now) =>
        failStop(tx, ctx.distances, driverId, request.params.id, request.body, now),
      ),
  );
  app.post(
    '/driver/positions',
    {
      config: driversOnly,
      schema: {
        tags: ['driver'],
        summary: 'Position pings, batched (duplicates and out-of-order pings are fine)',
        body: PositionBatch,
        response: { 202: Type.Object({ accepted: Type.Integer(), arrived: Type.Array(Uuid) }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await recordPositions(ctx, principalOf(request).id, request.body)),
  );
}
