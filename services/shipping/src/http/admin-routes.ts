/** Admin and support: the shipments list with its filters, one shipment's full log, manual events. */
import { ManualTrackingEvent, ShipmentDetail, ShipmentStatus, ShipmentSummary, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { listShipments } from '../shipments/list-shipments.ts';
import { shipmentDetail } from '../shipments/shipment-detail.ts';
import { logManualEvent } from '../tracking/log-manual-event.ts';
import type { TrackPolicy } from '../tracking/track.ts';

const support = { auth: { access: ['admin', 'support'], owns: 'every shipment' } } as const;
const IdParams = Type.Object({ id: Uuid });

/** Registers the admin shipments routes. */
export function adminRoutes(app: App, db: Db, policy: TrackPolicy): void {
  app.get(
    '/admin/shipments',
    {
      config: support,
      schema: {
        tags: ['admin'],
        summary: 'Shipments, newest first: by status, late, exceptions, returns, or a tracking/order number',
        querystring: Type.Object(
          {
            status: Type.Optional(ShipmentStatus),
            late: Type.Optional(Type.Boolean()),
            exceptions: Type.Optional(Type.Boolean()),
            returns: Type.Optional(Type.Boolean()),
            q: Type.Optional(Type.String({ maxLength: 60 })),
            page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(ShipmentSummary),
            total: Type.Integer(),
            page: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listShipments(db, request.query),
  );
  app.get(
    '/admin/shipments/:id',
    {
      config: support,
      schema: {
        tags: ['admin'],
        summary: 'One shipment with its whole log, sources and raw carrier data',
        params: IdParams,
        response: { 200: ShipmentDetail },
      },
    },
    async (request) => shipmentDetail(db, request.params.id),
  );
  app.post(
    '/admin/shipments/:id/events',
    {
      config: support,
      schema: {
        tags: ['admin'],
        summary: 'Log a manual event (guarded by the shipment lifecycle)',
        params: IdParams,
        body: ManualTrackingEvent,
        response: { 201: ShipmentDetail },
      },
    },
    async (request, reply) => {
      await logManualEvent(db, principalOf(request), request.params.id, request.body, policy);
      return reply.status(201).send(await shipmentDetail(db, request.params.id));
    },
  );
}
