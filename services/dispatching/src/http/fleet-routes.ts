/** Sorting centres, vehicles, drivers and service zones for dispatchers and admins. */
import {
  Driver,
  DriverChanges,
  NewServiceZone,
  NewSortingCentre,
  NewVehicle,
  ServiceZone,
  SortingCentre,
  Uuid,
  Vehicle,
  VehicleChanges,
} from '@sauda/contracts';
import type { App, Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { selectCentres, selectZones } from '../data/centres-repo.ts';
import { selectDrivers, selectVehicles } from '../data/fleet-repo.ts';
import { createCentre } from '../fleet/create-centre.ts';
import { createVehicle } from '../fleet/create-vehicle.ts';
import { createZone } from '../fleet/create-zone.ts';
import { updateDriver } from '../fleet/update-driver.ts';
import { updateVehicle } from '../fleet/update-vehicle.ts';

/** Dispatchers run every centre's fleet (no per-centre ownership); admins may too. */
export const dispatchers = {
  auth: { access: ['dispatcher', 'admin'], owns: 'every centre’s fleet and rounds' },
} as const;
const adminOnly = { auth: { access: ['admin'], owns: 'the sorting-centre network' } } as const;
const IdParams = Type.Object({ id: Uuid });
const CentreQuery = Type.Object({ centreId: Type.Optional(Uuid) }, { additionalProperties: false });
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => ({
  200: Type.Object({ items: Type.Array(item) }),
});

/** Registers the fleet routes. */
export function fleetRoutes(app: App, db: Db): void {
  app.get(
    '/dispatch/centres',
    {
      config: dispatchers,
      schema: { tags: ['fleet'], summary: 'Sorting centres', response: list(SortingCentre) },
    },
    async () => ({ items: await selectCentres(db) }),
  );
  app.post(
    '/dispatch/centres',
    {
      config: adminOnly,
      schema: {
        tags: ['fleet'],
        summary: 'Open a sorting centre',
        body: NewSortingCentre,
        response: { 201: SortingCentre },
      },
    },
    async (request, reply) => reply.status(201).send(await createCentre(db, request.body)),
  );
  app.get(
    '/dispatch/vehicles',
    {
      config: dispatchers,
      schema: {
        tags: ['fleet'],
        summary: 'Vehicles (of a centre)',
        querystring: CentreQuery,
        response: list(Vehicle),
      },
    },
    async (request) => ({ items: await selectVehicles(db, request.query.centreId) }),
  );
  app.post(
    '/dispatch/vehicles',
    {
      config: dispatchers,
      schema: { tags: ['fleet'], summary: 'Add a vehicle', body: NewVehicle, response: { 201: Vehicle } },
    },
    async (request, reply) => reply.status(201).send(await createVehicle(db, request.body)),
  );
  app.patch(
    '/dispatch/vehicles/:id',
    {
      config: dispatchers,
      schema: {
        tags: ['fleet'],
        summary: 'Change a vehicle',
        params: IdParams,
        body: VehicleChanges,
        response: { 200: Vehicle },
      },
    },
    async (request) => updateVehicle(db, request.params.id, request.body),
  );
  app.get(
    '/dispatch/drivers',
    {
      config: dispatchers,
      schema: {
        tags: ['fleet'],
        summary: 'Drivers (of a centre) with their last position',
        querystring: CentreQuery,
        response: list(Driver),
      },
    },
    async (request) => ({
      items: await selectDrivers(db, request.query.centreId ? { centreId: request.query.centreId } : {}),
    }),
  );
  app.patch(
    '/dispatch/drivers/:id',
    {
      config: dispatchers,
      schema: {
        tags: ['fleet'],
        summary: "Change a driver's licence, shift, duty status (off sick) or vehicle",
        params: IdParams,
        body: DriverChanges,
        response: { 200: Driver },
      },
    },
    async (request) => updateDriver(db, request.params.id, request.body),
  );
  app.get(
    '/dispatch/zones',
    {
      config: dispatchers,
      schema: {
        tags: ['fleet'],
        summary: 'Service zones (of a centre)',
        querystring: CentreQuery,
        response: list(ServiceZone),
      },
    },
    async (request) => ({ items: await selectZones(db, request.query.centreId) }),
  );
  app.post(
    '/dispatch/zones',
    {
      config: adminOnly,
      schema: {
        tags: ['fleet'],
        summary: 'Draw a service zone',
        body: NewServiceZone,
        response: { 201: ServiceZone },
      },
    },
    async (request, reply) => reply.status(201).send(await createZone(db, request.body)),
  );
}
