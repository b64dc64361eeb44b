/**
 * Seeds the generated catalog into a shop database, e.g. for benchmarks:
 *   DATABASE_URL=postgres://… node --conditions=sauda-source --import tsx \
 *     services/shop/src/demo/seed-cli.ts --products 1000000 [--events] [--media-dir DIR] [--analyze]
 * Applies the migrations first; fixed ids make it resumable (a second run adds only what is missing).
 * Without --events no `shop.product.created.v1` is written (a benchmark database feeds no other service).
 */
import { createDb, eventMigrations, migrate } from '@sauda/kit';
import { parseArgs } from 'node:util';
import { seedDemo } from './seed-demo.ts';
import { seedGenerated } from './seed-generated.ts';
import { createDiskMediaStore } from '../media/media-store.ts';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '5000' },
    events: { type: 'boolean', default: false },
    'media-dir': { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '3' },
    analyze: { type: 'boolean', default: true },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const products = Number(values.products);
if (!Number.isInteger(products) || products < 0 || products > 5_000_000)
  throw new Error('--products: 0…5,000,000');

const db = createDb(url, { max: Number(values.concurrency) + 1, applicationName: 'shop-seed' });
const started = Date.now();
try {
  await migrate(db, new URL('../../migrations', import.meta.url), eventMigrations);
  await seedDemo(db);
  let last = 0;
  const created = await seedGenerated(db, {
    products,
    events: values.events,
    batchSize: Number(values['batch-size']),
    concurrency: Number(values.concurrency),
    ...(values['media-dir'] ? { media: createDiskMediaStore(values['media-dir']) } : {}),
    onProgress: (done) => {
      if (done - last >= 50_000 || done >= products) {
        last = done;
        const rate = done / Math.max(1, (Date.now() - started) / 1000);
        process.stdout.write(
          `${done.toLocaleString('en')} / ${products.toLocaleString('en')} (${rate.toFixed(0)}/s)\n`,
        );
      }
    },
  });
  // Fresh statistics so the planner sees the real table sizes at once, and a visibility map for index-only scans.
  if (values.analyze) {
    await db`vacuum analyze products`.simple();
    await db`vacuum analyze product_variants`.simple();
  }
  process.stdout.write(`${created} new products in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} finally {
  await db.end();
}
