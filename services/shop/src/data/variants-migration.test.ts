import { DEMO_IDS, demoProductId, demoVariantId } from '@sauda/contracts';
import { eventMigrations, migrate } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVariantsForQuote } from './variants-repo.ts';

describe('migration 0002: existing products become one variant each', () => {
  let db: TestDatabase;
  let firstOnly: string;

  beforeAll(async () => {
    db = await createTestDatabase('shopmig');
    firstOnly = await mkdtemp(join(tmpdir(), 'shop-mig-'));
    const migrations = fileURLToPath(new URL('../../migrations/', import.meta.url));
    await copyFile(join(migrations, '0001_catalog.sql'), join(firstOnly, '0001_catalog.sql'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(firstOnly, { recursive: true, force: true });
  });

  it('keeps the price on the variant, and gives demo products the variant ids stock seeds', async () => {
    await migrate(db.sql, new URL(`file://${firstOnly}/`), eventMigrations);
    const other = '01930000-0000-7000-8000-0000000000f1';
    for (const [id, slug, price] of [
      [demoProductId(7), 'demo-seven', 1_990_000],
      [other, 'someone-elses', 350_000],
    ] as const)
      await db.sql`
        insert into products (id, seller_id, seller_name, slug, title, price_amount, currency, status)
        values (${id}, ${DEMO_IDS.seller}, 'Demo', ${slug}, ${slug}, ${price}, 'KZT', 'active')`;
    await migrate(db.sql, new URL('../../migrations/', import.meta.url), eventMigrations);
    const quoted = await findVariantsForQuote(db.sql, [demoVariantId(7), other]);
    expect(quoted.map((v) => [v.variantId, v.productId, v.price.amount])).toEqual(
      expect.arrayContaining([
        [demoVariantId(7), demoProductId(7), 1_990_000],
        [other, other, 350_000],
      ]),
    );
  });
});
