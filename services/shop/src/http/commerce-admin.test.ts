import { DEMO_IDS, type GiftCard, type GiftCardLedgerEntry, type Promo } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commerceErrors } from '../commerce-errors.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('admin promo codes and gift cards over HTTP', () => {
  let t: ShopTestApp;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    t = await createShopTestApp();
    admin = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.admin, roles: ['admin'] })}`;
    customer = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.customer, roles: ['customer'] })}`;
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, authorization = admin) =>
    t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

  it('creates, lists and changes a promo code; codes are unique whatever their case', async () => {
    const created = await call('POST', '/admin/promos', {
      code: 'Spring-20',
      kind: 'percentage',
      percent: 20,
      minBasket: { amount: 1_000_000, currency: 'KZT' },
      usageLimit: 100,
      endsAt: '2099-06-01T00:00:00Z',
    });
    expect(created.statusCode).toBe(201);
    const promo = created.json<Promo>();
    expect(promo).toMatchObject({ code: 'SPRING-20', usedCount: 0, stackable: false, active: true });
    expect(
      (await call('POST', '/admin/promos', { code: 'spring-20', kind: 'free_shipping' })).json(),
    ).toMatchObject({ code: 'PROMO_CODE_TAKEN' });
    const changed = await call('PATCH', `/admin/promos/${promo.id}`, { percent: 25, active: false });
    expect(changed.json<Promo>()).toMatchObject({
      percent: 25,
      active: false,
      usageLimit: 100,
      minBasket: { amount: 1_000_000 },
    });
    const list = (await call('GET', '/admin/promos?q=spring')).json<{ items: Promo[]; total: number }>();
    expect(list.items.map((p) => p.code)).toEqual(['SPRING-20']);
  });

  it('refuses self-contradicting promos with PROMO_INVALID', async () => {
    expect((await call('POST', '/admin/promos', { code: 'NOPCT', kind: 'percentage' })).json()).toMatchObject(
      { code: 'PROMO_INVALID', status: 422 },
    );
    expect(
      (
        await call('POST', '/admin/promos', {
          code: 'BACKWARDS',
          kind: 'free_shipping',
          startsAt: '2030-01-01T00:00:00Z',
          endsAt: '2029-01-01T00:00:00Z',
        })
      ).json(),
    ).toMatchObject({ code: 'PROMO_INVALID' });
  });

  it('keeps promo and gift card administration to admins', async () => {
    expect((await call('GET', '/admin/promos', undefined, customer)).statusCode).toBe(403);
    expect(
      (await call('POST', '/admin/gift-cards', { amount: { amount: 1000, currency: 'KZT' } }, customer))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/admin/gift-cards' })).statusCode).toBe(401);
  });

  it('issues a gift card, lets the customer redeem it into the wallet, and shows the ledger', async () => {
    const issued = await call('POST', '/admin/gift-cards', {
      amount: { amount: 500_000, currency: 'KZT' },
      note: 'Birthday',
    });
    expect(issued.statusCode).toBe(201);
    const card = issued.json<GiftCard>();
    expect(card.code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    const redeem = () =>
      t.app.inject({
        method: 'POST',
        url: '/shop/gift-cards/redeem',
        payload: { code: card.code },
        headers: { authorization: customer, 'idempotency-key': 'wallet-key-0001' },
      });
    const first = await redeem();
    expect(first.json()).toMatchObject({ amount: { amount: 500_000, currency: 'KZT' } });
    expect((await redeem()).json()).toEqual(first.json());
    const detail = (await call('GET', `/admin/gift-cards/${card.id}`)).json<{
      card: GiftCard;
      ledger: GiftCardLedgerEntry[];
    }>();
    expect(detail.card.balance.amount).toBe(0);
    expect(detail.ledger.map((e) => [e.kind, e.amount.amount])).toEqual([
      ['issue', 500_000],
      ['wallet', -500_000],
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: '/shop/gift-cards/redeem',
      payload: { code: card.code },
      headers: { authorization: customer },
    });
    expect(again.json()).toMatchObject({ code: 'GIFT_CARD_INSUFFICIENT' });
  });

  it('stops a disabled card from being spent', async () => {
    const card = (
      await call('POST', '/admin/gift-cards', {
        amount: { amount: 1_000, currency: 'KZT' },
        code: 'stop-me-now',
      })
    ).json<GiftCard>();
    expect(card.code).toBe('STOP-ME-NOW');
    expect((await call('POST', `/admin/gift-cards/${card.id}/disable`)).json<GiftCard>().status).toBe(
      'disabled',
    );
    const spend = await t.app.inject({
      method: 'POST',
      url: '/shop/gift-cards/redeem',
      payload: { code: card.code },
      headers: { authorization: customer },
    });
    expect(spend.json()).toMatchObject({ code: 'GIFT_CARD_UNUSABLE' });
  });

  it('documents every commerce error code in the OpenAPI document', async () => {
    const doc = JSON.stringify((await t.app.inject({ url: '/openapi.json' })).json());
    for (const { code } of commerceErrors) expect(doc).toContain(code);
  });
});
