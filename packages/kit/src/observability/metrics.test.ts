import { describe, expect, it } from 'vitest';
import { createMetrics, defineCounter, exposeMetrics } from './metrics.ts';

describe('business counters', () => {
  it('are defined once and exposed on every service registry that adopts them, with the service label', async () => {
    const placed = defineCounter('test_orders_placed_total', 'Orders placed');
    const gmv = defineCounter('test_gmv_minor_total', 'GMV in minor units', ['currency']);
    const first = createMetrics('orders');
    const second = createMetrics('orders');
    exposeMetrics(first, placed, gmv);
    exposeMetrics(first, placed); // a second call on the same registry is harmless
    exposeMetrics(second, placed, gmv);
    placed.inc();
    gmv.inc({ currency: 'KZT' }, 1_250_000);
    for (const metrics of [first, second]) {
      const text = await metrics.registry.metrics();
      expect(text).toContain('# TYPE test_orders_placed_total counter');
      expect(text).toMatch(/^test_orders_placed_total\{service="orders"\} 1$/m);
      expect(text).toMatch(/^test_gmv_minor_total\{currency="KZT",service="orders"\} 1250000$/m);
    }
  });
});
