import { DEMO_IDS, DEMO_SITES, type Driver, type Vehicle } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchingErrors } from '../errors.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../test/dispatch-test-app.ts';

describe('fleet: centres, vehicles, drivers', () => {
  let t: DispatchTestApp;
  beforeAll(async () => {
    t = await createDispatchTestApp();
  });
  afterAll(async () => t.close());

  it('lists the three demo centres to dispatchers, not to drivers', async () => {
    const response = await t.app.inject({ url: '/dispatch/centres', headers: await t.as('dispatcher') });
    expect(
      response
        .json<{ items: { id: string }[] }>()
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(Object.values(DEMO_SITES.sortingCentres).sort());
    const driver = await t.app.inject({ url: '/dispatch/centres', headers: await t.as('driver') });
    expect(driver.statusCode).toBe(403);
  });

  it('adds a vehicle once per plate and gives it to a driver, one driver per vehicle', async () => {
    const dispatcher = await t.as('dispatcher');
    const payload = {
      plate: '888ast01',
      type: 'bike',
      capacityKg: 20,
      capacityLitres: 80,
      homeCentreId: DEMO_SITES.sortingCentres.astana,
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/dispatch/vehicles',
      headers: dispatcher,
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Vehicle>()).toMatchObject({ plate: '888AST01', status: 'active' });
    const twice = await t.app.inject({
      method: 'POST',
      url: '/dispatch/vehicles',
      headers: dispatcher,
      payload,
    });
    expect(twice.json()).toMatchObject({ code: 'PLATE_TAKEN' });
    const given = await t.app.inject({
      method: 'PATCH',
      url: `/dispatch/drivers/${DEMO_IDS.driver}`,
      headers: dispatcher,
      payload: { vehicleId: created.json<Vehicle>().id, shiftStart: '07:30' },
    });
    expect(given.json<Driver>()).toMatchObject({
      vehicleId: created.json<Vehicle>().id,
      shiftStart: '07:30',
    });
    const drivers = await t.app.inject({
      url: `/dispatch/drivers?centreId=${DEMO_SITES.sortingCentres.almaty}`,
      headers: dispatcher,
    });
    const second = drivers.json<{ items: Driver[] }>().items.find((d) => d.id !== DEMO_IDS.driver);
    const taken = await t.app.inject({
      method: 'PATCH',
      url: `/dispatch/drivers/${second?.id}`,
      headers: dispatcher,
      payload: { vehicleId: created.json<Vehicle>().id },
    });
    expect(taken.json()).toMatchObject({ code: 'VEHICLE_TAKEN' });
  });

  it('opens centres for admins only', async () => {
    const centre = {
      code: 'KGF-SC',
      name: 'Karaganda sorting centre',
      city: 'Karaganda',
      address: 'Bukhar Zhyrau 1',
      lat: 49.8,
      lng: 73.1,
    };
    const byDispatcher = await t.app.inject({
      method: 'POST',
      url: '/dispatch/centres',
      headers: await t.as('dispatcher'),
      payload: centre,
    });
    expect(byDispatcher.statusCode).toBe(403);
    const byAdmin = await t.app.inject({
      method: 'POST',
      url: '/dispatch/centres',
      headers: await t.as('admin'),
      payload: centre,
    });
    expect(byAdmin.statusCode).toBe(201);
  });

  it('documents every error code and every route’s access rule in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      'x-error-codes': Array<{ name: string; description: string }>;
      paths: Record<string, Record<string, { 'x-access': string }>>;
    }>();
    const documented = new Map(doc['x-error-codes'].map((e) => [e.name, e.description]));
    for (const spec of dispatchingErrors)
      expect(documented.get(spec.code)).toBe(`${spec.status} ${spec.title}`);
    expect(doc.paths['/driver/rounds']?.get?.['x-access']).toBe('driver');
    expect(doc.paths['/dispatch/plan']?.post?.['x-access']).toBe('dispatcher, admin');
  });
});
