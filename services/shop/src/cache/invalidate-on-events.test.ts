import type { Product } from '@sauda/contracts';
import { createConsumer, createRelay, type ConsumerOptions } from '@sauda/kit';
import { eventually, testBrokerKinds, type Broker } from '@sauda/kit/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyScheduledPrices } from '../prices/apply-scheduled-prices.ts';
import { callers, createAs } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { invalidateOnProductEvents } from './invalidate-on-events.ts';

describe.each(testBrokerKinds())('catalog cache invalidation by shop’s own events over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'the catalog-cache consumer', () => {
    let t: ShopTestApp;
    let broker: Broker;
    const cleanups: Array<() => Promise<unknown>> = [];
    const cache = createCatalogCache(60_000);

    beforeEach(async () => {
      t = await createShopTestApp({ catalogCacheTtlMs: 60_000, catalogCache: cache });
      broker = await kind.open();
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
      await broker.cleanup();
      await t.close();
    });

    it('shows a sale that starts by the clock once its product.updated event arrives', async () => {
      const logger = t.app.log as unknown as ConsumerOptions['logger'];
      const transport = broker.transport();
      cleanups.push(() => transport.close());
      const who = await callers(t);
      const lamp = await createAs(t, who.alice, {
        title: 'Copper kettle',
        price: { amount: 1_800_000, currency: 'KZT' },
      });
      const price = async () =>
        (await t.app.inject({ url: `/products/${lamp.id}` })).json<Product>().price.amount;
      expect(await price()).toBe(1_800_000);

      const consumer = invalidateOnProductEvents(
        createConsumer({ db: t.db.sql, transport, service: 'shop', name: 'catalog-cache', logger }),
        cache,
      );
      cleanups.push(() => consumer.stop());
      await consumer.start();
      const relay = createRelay({ db: t.db.sql, transport, logger, pollMs: 50 });
      cleanups.push(() => relay.stop());
      await relay.start();

      // The sale starts: nothing in this process wrote through the API, so only the event can tell the cache.
      await t.db.sql`
        update product_variants set sale_amount = 1500000, sale_starts_at = now() - interval '1 second'
        where product_id = ${lamp.id}`;
      expect(await price()).toBe(1_800_000);
      expect(await applyScheduledPrices(t.db.sql)).toEqual([lamp.id]);
      await eventually(async () => expect(await price()).toBe(1_500_000));
    });
  });
});
