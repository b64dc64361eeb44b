/** The dispatcher's board: plan a day, move and lock stops, publish and cancel rounds, proof files. */
import { DispatchBoard, MoveStop, PlanRequest, Stop, Uuid } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { DispatchContext } from '../context.ts';
import { ProofNotFound } from '../errors.ts';
import { cancelRound } from '../rounds/cancel-round.ts';
import { loadBoard } from '../rounds/load-board.ts';
import { lockStopOnRound } from '../rounds/lock-stop.ts';
import { moveStop } from '../rounds/move-stop.ts';
import { planDay } from '../rounds/plan-day.ts';
import { publishRounds } from '../rounds/publish-rounds.ts';
import { dispatchers } from './fleet-routes.ts';

const IdParams = Type.Object({ id: Uuid });
const Day = Type.String({ format: 'date' });
const board = { 200: DispatchBoard };

/** Registers the board routes. */
export function boardRoutes(app: App, ctx: DispatchContext): void {
  const { db } = ctx;
  app.get(
    '/dispatch/board',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary: "A centre's day: rounds with stops, waiting stops (with reasons), drivers",
        querystring: Type.Object({ centreId: Uuid, date: Day }, { additionalProperties: false }),
        response: board,
      },
    },
    async (request) => loadBoard(db, request.query.centreId, request.query.date),
  );
  app.post(
    '/dispatch/plan',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary:
          'Plan or re-optimise a day with the optimiser; locked stops stay put; published rounds return to planned',
        body: PlanRequest,
        response: board,
      },
    },
    async (request) => planDay(ctx, request.body),
  );
  app.post(
    '/dispatch/stops/:id/move',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary: 'Move a waiting stop to another planned round at a position (or off every round)',
        params: IdParams,
        body: MoveStop,
        response: board,
      },
    },
    async (request) => moveStop(ctx, request.params.id, request.body),
  );
  app.put(
    '/dispatch/stops/:id/lock',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary: 'Lock (or unlock) a stop on its round and place for re-optimisation',
        params: IdParams,
        body: Type.Object({ locked: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Stop },
      },
    },
    async (request) => lockStopOnRound(db, request.params.id, request.body.locked),
  );
  app.post(
    '/dispatch/publish',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary: 'Publish planned rounds (all of the day, or the given ones): parcels are loaded',
        body: Type.Object(
          { centreId: Uuid, date: Day, roundIds: Type.Optional(Type.Array(Uuid, { minItems: 1 })) },
          { additionalProperties: false },
        ),
        response: board,
      },
    },
    async (request) => publishRounds(db, request.body),
  );
  app.post(
    '/dispatch/rounds/:id/cancel',
    {
      config: dispatchers,
      schema: {
        tags: ['rounds'],
        summary: 'Cancel a round not yet started',
        params: IdParams,
        response: board,
      },
    },
    async (request) => cancelRound(db, request.params.id),
  );
  app.get(
    '/dispatch/proofs/:id',
    {
      config: { auth: { access: ['dispatcher', 'admin', 'support'], owns: 'proofs of delivery' } },
      schema: { tags: ['rounds'], summary: 'A signature or photo of a proof of delivery', params: IdParams },
    },
    async (request, reply) => {
      const [row] = await db<{ content_type: string; bytes: Buffer }[]>`
        select content_type, bytes from proof_media where id = ${request.params.id}`;
      if (!row) throw new ProofNotFound();
      return reply.type(row.content_type).header('cache-control', 'private, max-age=86400').send(row.bytes);
    },
  );
}
