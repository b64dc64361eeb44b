/** Warehouse pick and pack: the depot's queue, picking lines, shortages, parcels and packing slips. */
import { PackParcel, Parcel, PickTask, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { listTasks, loadTask } from '../data/tasks-repo.ts';
import { loadParcel } from '../data/parcels-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { packParcel } from '../picking/pack-parcel.ts';
import { pickLine } from '../picking/pick-line.ts';
import { reportShortage } from '../picking/report-shortage.ts';

/** Warehouse routes touch the caller's depot only (staffDepot), whatever ids they are given. */
export const depotStaff = {
  auth: { access: ['warehouseman', 'admin'], owns: "the caller's depot's work" },
} as const;
const TaskParams = Type.Object({ id: Uuid });
const LineParams = Type.Object({ id: Uuid, lineId: Uuid });

/** Registers the pick/pack routes. */
export function warehouseTaskRoutes(app: App, db: Db): void {
  app.get(
    '/warehouse/tasks',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: "The depot's pick queue (open: oldest first; done: latest first)",
        querystring: Type.Object(
          {
            scope: Type.Union([Type.Literal('open'), Type.Literal('done')], { default: 'open' }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PickTask) }) },
      },
    },
    async (request) => {
      const depotId = await staffDepot(db, principalOf(request));
      return { items: await listTasks(db, depotId, request.query.scope, request.query.limit) };
    },
  );
  app.get(
    '/warehouse/tasks/:id',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'One pick task',
        params: TaskParams,
        response: { 200: PickTask },
      },
    },
    async (request) => loadTask(db, await staffDepot(db, principalOf(request)), request.params.id),
  );
  app.post(
    '/warehouse/tasks/:id/lines/:lineId/pick',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Pick units of a line (with the scanned SKU when a scanner was used)',
        params: LineParams,
        body: Type.Object(
          {
            quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
            scannedSku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PickTask },
      },
    },
    async (request) =>
      pickLine(db, principalOf(request), request.params.id, request.params.lineId, request.body),
  );
  app.post(
    '/warehouse/tasks/:id/lines/:lineId/shortage',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary:
          'Report that only `found` units of a line exist here; the rest is re-allocated or reported short',
        params: LineParams,
        body: Type.Object({ found: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            task: PickTask,
            missing: Type.Integer(),
            reallocatedTo: Type.Union([Uuid, Type.Null()]),
          }),
        },
      },
    },
    async (request) =>
      reportShortage(db, principalOf(request), request.params.id, request.params.lineId, request.body.found),
  );
  app.post(
    '/warehouse/tasks/:id/parcels',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'Pack picked units into a parcel (announces stock.parcel.created.v1)',
        params: TaskParams,
        body: PackParcel,
        response: { 201: Parcel },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await packParcel(db, principalOf(request), request.params.id, request.body)),
  );
  app.get(
    '/warehouse/parcels/:parcel',
    {
      config: depotStaff,
      schema: {
        tags: ['warehouse'],
        summary: 'A parcel of this depot by id or code: the packing slip',
        params: Type.Object({ parcel: Type.String({ minLength: 3, maxLength: 40 }) }),
        response: { 200: Parcel },
      },
    },
    async (request) => loadParcel(db, await staffDepot(db, principalOf(request)), request.params.parcel),
  );
}
