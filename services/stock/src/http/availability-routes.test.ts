import { DEMO_SITES } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSku } from '../test/orders.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';

describe('availability for orders', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
  });
  afterAll(async () => t.close());

  it('answers available units over every open depot to a service, and refuses customers', async () => {
    const { almaty, astana } = DEMO_SITES.depots;
    const variantId = await freshSku(t.db.sql, { [almaty]: 2, [astana]: 3 });
    const service = `Bearer ${await t.tokens.sign({ id: 'orders', roles: ['service'] })}`;
    const response = await t.app.inject({
      method: 'POST',
      url: '/availability',
      headers: { authorization: service },
      payload: { variantIds: [variantId] },
    });
    expect(response.json()).toEqual({ items: [{ variantId, available: 5 }] });
    const customer = await t.app.inject({
      method: 'POST',
      url: '/availability',
      headers: await t.as('customer'),
      payload: { variantIds: [variantId] },
    });
    expect(customer.statusCode).toBe(403);
  });

  it('lists the open depots publicly, for pickup', async () => {
    const response = await t.app.inject({ url: '/depots' });
    expect(response.json<Array<{ city: string }>>().map((d) => d.city)).toEqual(
      expect.arrayContaining(['Almaty', 'Astana', 'Shymkent']),
    );
  });
});
