import { DEMO_IDS } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import { countSellerProduct } from '../shops/count-seller-product.ts';
import { startTestUsers, type TestUsers } from '../test-app.ts';

describe('GET /sellers/:id', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
    await seedDemoAccounts(users.database.sql);
  });
  afterAll(async () => users.close());

  const card = (id: string) => users.app.inject({ url: `/sellers/${id}` });

  it('shows a seller’s shop with its product count to anyone', async () => {
    await withTransaction(users.database.sql, (tx) =>
      countSellerProduct(tx, {
        productId: '01940000-0000-7000-8000-0000000000aa',
        sellerId: DEMO_IDS.seller,
        slug: 'felt-slippers',
        title: 'Felt slippers',
        price: { amount: 990_000, currency: 'KZT' },
        status: 'active',
        variants: [
          {
            variantId: '01940000-0000-7000-8000-0000000000ab',
            sku: 'FS-1',
            title: 'Felt slippers',
            weightGrams: 400,
          },
        ],
        createdAt: new Date().toISOString(),
      }),
    );
    const response = await card(DEMO_IDS.seller);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: DEMO_IDS.seller, name: 'Altyn Bazaar', productCount: 1 });
  });

  it('answers SELLER_NOT_FOUND for accounts that are not sellers and for unknown ids', async () => {
    for (const id of [DEMO_IDS.customer, '01940000-0000-7000-8000-00000000ffff']) {
      const response = await card(id);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'SELLER_NOT_FOUND' });
    }
  });

  it('refuses an id that is not a UUID', async () => {
    expect((await card('not-a-uuid')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
