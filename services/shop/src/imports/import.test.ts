import type { ImportJob, Product } from '@sauda/contracts';
import { eventually } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { callers, createAs, multipart, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { parseTenge, planImport, readCsv } from './parse-import.ts';

const CSV = `handle,title,description,brand,category,sku,price,compare_at,size,colour,weight_grams,status,title_ru
tee,Linen tee,Summer tee,Aru,clothing,TEE-S,"12 490",15000,S,White,180,active,Льняная футболка
tee,,,,,TEE-M,12490,,M,White,190,,
,Felt slippers,Warm,Aru,shoes,SLIP-1,8990,,,,300,draft,Войлочные тапочки
,Broken price,,Aru,,BAD-1,twelve,,,,,,
,Bad category,,Aru,no-such-category,CAT-1,1000,,,,,,
mug,Clay mug,,Aru,kitchen,MUG-1,3000,,,,,,
mug,Clay mug,,Aru,kitchen,MUG-1,3100,,,,,,
,Taken sku,,Aru,,TAKEN-1,5000,,,,,,
`;

describe('bulk CSV import', () => {
  let t: ShopTestApp;
  let who: Callers;

  beforeAll(async () => {
    t = await createShopTestApp({ importPollMs: 50 });
    await seedDemo(t.db.sql);
    who = await callers(t);
    await createAs(t, who.alice, {
      title: 'Existing',
      price: { amount: 1000, currency: 'KZT' },
      variants: [{ sku: 'TAKEN-1', price: 1000 }],
    });
  });
  afterAll(async () => t.close());

  const post = (csv: string) => {
    const form = multipart({ name: 'products.csv', type: 'text/csv', body: Buffer.from(csv) });
    return t.app.inject({
      method: 'POST',
      url: '/seller/products/imports',
      payload: form.payload,
      headers: { ...form.headers, authorization: who.alice },
    });
  };

  it('reads tenge amounts the way sellers write them', () => {
    expect(parseTenge('12 490')).toBe(1_249_000);
    expect(parseTenge('12490,50 ₸')).toBe(1_249_050);
    expect(parseTenge('0')).toBeUndefined();
    expect(parseTenge('-5')).toBeUndefined();
  });

  it('validates every row before anything is written, grouping rows of one handle into variants', () => {
    const { groups, errors } = planImport(readCsv(CSV));
    expect(groups.map((g) => g.rows)).toEqual([[1, 2], [3], [5], [8]]);
    expect(groups[0]?.product.variants?.map((v) => v.sku)).toEqual(['TEE-S', 'TEE-M']);
    expect(errors).toEqual([
      { row: 4, field: 'price', message: 'a positive amount in tenge' },
      { row: 7, field: 'sku', message: 'SKU MUG-1 appears twice in this product' },
      { row: 6, field: 'handle', message: 'not imported: another row of this product has errors' },
    ]);
  });

  it('imports in the background with progress and a per-row report', async () => {
    const started = await post(CSV);
    expect(started.statusCode).toBe(202);
    const job = started.json<ImportJob>();
    expect(job).toMatchObject({ status: 'queued', totalRows: 8 });
    const poll = async () =>
      (
        await t.app.inject({
          url: `/seller/products/imports/${job.id}`,
          headers: { authorization: who.alice },
        })
      ).json<ImportJob>();
    await eventually(async () => expect((await poll()).status).toBe('done'));
    const done = await poll();
    expect(done).toMatchObject({ processedRows: 8, createdCount: 2 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'price'],
      [5, 'product'],
      [6, 'handle'],
      [7, 'sku'],
      [8, 'product'],
    ]);
    expect(done.errorCount).toBe(5);
    const mine = (
      await t.app.inject({ url: '/seller/products?limit=100', headers: { authorization: who.alice } })
    ).json<{ items: Product[] }>();
    const tee = mine.items.find((p) => p.title === 'Linen tee');
    expect(tee).toMatchObject({
      price: { amount: 1_249_000 },
      status: 'active',
      category: { slug: 'clothing' },
    });
    expect(mine.items.find((p) => p.title === 'Felt slippers')?.status).toBe('draft');
    const ru = await t.app.inject({ url: `/products/${tee?.id}?lang=ru` });
    expect(ru.json<Product>().title).toBe('Льняная футболка');
  });

  it('refuses a file without the required columns at once', async () => {
    const response = await post('name,cost\nHat,100\n');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INVALID_CSV' });
  });
});
