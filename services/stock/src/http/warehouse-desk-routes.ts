/** Warehouse desks: the depot itself, its stock, receiving, and returns inspection. */
import { Depot, Receipt, ReturnInspection, StockQuantities, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { depotStock } from '../data/depot-stock-repo.ts';
import { getDepot } from '../data/depots-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { announceReceipt } from '../receiving/announce-receipt.ts';
import { listReceipts } from '../receiving/list-receipts.ts';
import { receiveReceipt } from '../receiving/receive-receipt.ts';
import { inspectReturn } from '../returns/inspect-return.ts';
import { listReturns } from '../returns/list-returns.ts';
import { registerReturn } from '../returns/register-return.ts';
import { depotStaff } from './warehouse-task-routes.ts';

const IdParams = Type.Object({ id: Uuid });

/** Registers the depot, stock, receiving and returns routes. */
export function warehouseDeskRoutes(app: App, db: Db): void {
  app.get(
    '/warehouse/depot',
    {
      config: depotStaff,
      schema: { tags: ['warehouse'], summary: "The caller's depot", response: { 200: Depot } },
    },
    async (request) => getDepot(db, await staffDepot(db, principalOf(request))),
  );
  app.get(
    '/warehouse/stock',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: "The depot's stock levels, searchable by SKU or title",
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 80 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Composite([
                Type.Object({ variantId: Uuid, sku: Type.String(), title: Type.String() }),
                StockQuantities,
              ]),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await depotStock(db, await staffDepot(db, principalOf(request)), request.query.q ?? ''),
    }),
  );
  app.get(
    '/warehouse/receipts',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: "The depot's receipts: awaited, then received",
        response: { 200: Type.Object({ items: Type.Array(Receipt) }) },
      },
    },
    async (request) => ({ items: await listReceipts(db, principalOf(request)) }),
  );
  app.post(
    '/warehouse/receipts',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Announce incoming units of a SKU',
        body: Type.Object(
          {
            variantId: Uuid,
            expected: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
            note: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Receipt },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await announceReceipt(db, principalOf(request), request.body)),
  );
  app.post(
    '/warehouse/receipts/:id/receive',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Count an announced receipt in',
        params: IdParams,
        body: Type.Object(
          { received: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Receipt },
      },
    },
    async (request) => receiveReceipt(db, principalOf(request), request.params.id, request.body.received),
  );
  app.get(
    '/warehouse/returns',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: "The depot's returned parcels",
        response: { 200: Type.Object({ items: Type.Array(ReturnInspection) }) },
      },
    },
    async (request) => ({ items: await listReturns(db, principalOf(request)) }),
  );
  app.post(
    '/warehouse/returns',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Register a returned parcel by its code (and the customer return it answers, if any)',
        body: Type.Object(
          { parcel: Type.String({ minLength: 3, maxLength: 40 }), returnId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 201: ReturnInspection },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerReturn(db, principalOf(request), request.body.parcel, request.body.returnId)),
  );
  app.post(
    '/warehouse/returns/:id/inspect',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Restock or write off every returned unit',
        params: IdParams,
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                {
                  lineId: Uuid,
                  restock: Type.Integer({ minimum: 0 }),
                  writeOff: Type.Integer({ minimum: 0 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReturnInspection },
      },
    },
    async (request) => inspectReturn(db, principalOf(request), request.params.id, request.body.lines),
  );
}
