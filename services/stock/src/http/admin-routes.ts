/** Admin depots: open and change depots, attach warehouse staff. */
import { Depot, DepotChanges, NewDepot, Uuid } from '@sauda/contracts';
import type { App, Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { selectDepots } from '../data/depots-repo.ts';
import { attachStaff } from '../depots/attach-staff.ts';
import { createDepot } from '../depots/create-depot.ts';
import { detachStaff } from '../depots/detach-staff.ts';
import { updateDepot } from '../depots/update-depot.ts';

const adminOnly = { auth: { access: ['admin'], owns: 'depots and their staff' } } as const;
const DepotParams = Type.Object({ id: Uuid });
const StaffParams = Type.Object({ id: Uuid, userId: Uuid });

/** Registers `/admin/depots` routes. */
export function adminRoutes(app: App, db: Db): void {
  app.get(
    '/admin/depots',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Every depot with its staff',
        response: { 200: Type.Object({ items: Type.Array(Depot) }) },
      },
    },
    async () => ({ items: await selectDepots(db) }),
  );
  app.post(
    '/admin/depots',
    {
      config: adminOnly,
      schema: { tags: ['admin'], summary: 'Open a depot', body: NewDepot, response: { 201: Depot } },
    },
    async (request, reply) => reply.status(201).send(await createDepot(db, request.body)),
  );
  app.patch(
    '/admin/depots/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Change a depot (name, address, hours, default, open or closed)',
        params: DepotParams,
        body: DepotChanges,
        response: { 200: Depot },
      },
    },
    async (request) => updateDepot(db, request.params.id, request.body),
  );
  app.put(
    '/admin/depots/:id/staff/:userId',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Attach a warehouseman to this depot',
        params: StaffParams,
        response: { 200: Depot },
      },
    },
    async (request) => attachStaff(db, request.params.id, request.params.userId),
  );
  app.delete(
    '/admin/depots/:id/staff/:userId',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Detach a warehouseman from this depot',
        params: StaffParams,
        response: { 200: Depot },
      },
    },
    async (request) => detachStaff(db, request.params.id, request.params.userId),
  );
}
