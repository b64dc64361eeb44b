import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, insertIntent, insertOrder, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
beforeAll(async () => {
  system = await createFixtureSystem(['orders', 'payment']);
}, 60_000);
afterAll(() => system?.drop());

describe('no order charged twice', () => {
  it('passes one capture per order and a voided failed order', async () => {
    const since = new Date();
    const paid = await insertOrder(system.db('orders'), { captured_amount: 10_000 });
    await insertIntent(system.db('payment'), paid.id, { status: 'captured', amount_captured: 10_000 });
    const failed = await insertOrder(system.db('orders'), { status: 'failed' });
    await insertIntent(system.db('payment'), failed.id, { status: 'voided' });
    expect(await system.check('no order charged twice', { since })).toMatchObject({ ok: true, checked: 2 });
  });

  it('fails an order captured by two intents and a failed order that kept an authorization', async () => {
    const since = new Date();
    const twice = await insertOrder(system.db('orders'), { captured_amount: 10_000 });
    await insertIntent(system.db('payment'), twice.id, { status: 'captured', amount_captured: 10_000 });
    await insertIntent(system.db('payment'), twice.id, { status: 'failed', amount_captured: 10_000 });
    const held = await insertOrder(system.db('orders'), { status: 'failed' });
    await insertIntent(system.db('payment'), held.id, { status: 'authorized' });
    const result = await system.check('no order charged twice', { since });
    expect(result.ok).toBe(false);
    expect(result.details).toEqual(
      expect.arrayContaining([
        `order ${twice.id} was captured by 2 intents`,
        `${held.number} is failed but its authorization was never voided`,
      ]),
    );
  });

  it('fails a bank capture that no intent accounts for', async () => {
    const since = new Date();
    const payment = system.db('payment');
    await payment`insert into sandbox_cards (provider_token, scenario) values ('tok_1', 'approve')`;
    await payment`
      insert into sandbox_authorizations (ref, provider_token, amount, currency, status, captured)
      values ('auth_orphan', 'tok_1', 5000, 'KZT', 'captured', 5000)`;
    const result = await system.check('no order charged twice', { since });
    expect(result.details).toContain('the bank captured 5000 on auth_orphan, which no payment intent knows');
  });
});

describe('captured = paid orders minus refunds', () => {
  it('passes when orders recorded the capture and the refund payment made', async () => {
    const since = new Date();
    const order = await insertOrder(system.db('orders'), { captured_amount: 10_000, refunded: 2_000 });
    const intent = await insertIntent(system.db('payment'), order.id, {
      status: 'captured',
      amount_captured: 10_000,
      amount_refunded: 2_000,
    });
    await system.db('payment')`
      insert into refunds (id, intent_id, amount, currency, destination) values (gen_random_uuid(), ${intent}, 2000, 'KZT', 'original')`;
    expect(await system.check('captured = paid orders minus refunds', { since })).toMatchObject({
      ok: true,
      checked: 1,
    });
  });

  it('fails when orders never heard of a capture', async () => {
    const since = new Date();
    const order = await insertOrder(system.db('orders'), { captured_amount: 0 });
    await insertIntent(system.db('payment'), order.id, { status: 'captured', amount_captured: 10_000 });
    const result = await system.check('captured = paid orders minus refunds', { since });
    expect(result.ok).toBe(false);
    expect(result.details).toEqual(
      expect.arrayContaining([
        `${order.number}: payment captured 10000, orders recorded 0`,
        'in total payment kept 10000, the paid orders minus refunds come to 0',
      ]),
    );
  });
});
