/** Live positions: the dispatcher's server-sent feed and a driver's breadcrumb trail. */
import { Uuid } from '@sauda/contracts';
import type { App, Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { liveFrame } from '../positions/live-frame.ts';
import { dispatchers } from './fleet-routes.ts';

const FRAME_MS = 2000;

/** Registers the live feed and trail routes. */
export function liveRoutes(app: App, db: Db, frameMs = FRAME_MS): void {
  app.get(
    '/dispatch/live',
    {
      config: dispatchers,
      schema: {
        tags: ['live'],
        summary:
          'Server-sent events: a `frame` (drivers, round progress) whenever it changes (polled every 2 s)',
        querystring: Type.Object(
          { centreId: Uuid, date: Type.String({ format: 'date' }) },
          { additionalProperties: false },
        ),
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { centreId, date } = request.query;
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let last = '';
      let open = true;
      const send = async () => {
        try {
          const frame = JSON.stringify(await liveFrame(db, centreId, date));
          if (open && frame !== last) reply.raw.write(`event: frame\ndata: ${frame}\n\n`);
          else if (open) reply.raw.write(': keep-alive\n\n');
          last = frame;
        } catch (error) {
          // A failed poll only skips one frame; the next poll retries.
          request.log.warn({ err: error }, 'live frame failed');
        }
      };
      const timer = setInterval(() => void send(), frameMs);
      request.raw.on('close', () => {
        open = false;
        clearInterval(timer);
      });
      await send();
    },
  );
  app.get(
    '/dispatch/drivers/:id/trail',
    {
      config: dispatchers,
      schema: {
        tags: ['live'],
        summary: "A driver's breadcrumb trail (pings in time order) since a moment (default: 12 hours ago)",
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(
          {
            since: Type.Optional(Type.String({ format: 'date-time' })),
            limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                lat: Type.Number(),
                lng: Type.Number(),
                at: Type.String(),
                accuracyM: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const since = request.query.since ?? new Date(Date.now() - 12 * 3600_000).toISOString();
      const rows = await db<{ lat: number; lng: number; at: Date; accuracyM: number | null }[]>`
        select lat, lng, at, accuracy_m as "accuracyM" from positions
        where driver_id = ${request.params.id} and at >= ${since} order by at limit ${request.query.limit}`;
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
}
