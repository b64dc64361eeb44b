import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
beforeAll(async () => {
  system = await createFixtureSystem(['payment', 'shop']);
}, 60_000);
afterAll(() => system?.drop());

const NAME = 'wallet and settlement ledgers balance';

async function post(entries: Array<{ account: string; amount: number; kind?: string; payoutId?: string }>) {
  const posting = randomUUID();
  for (const e of entries)
    await system.db('payment')`
      insert into ledger_entries (posting_id, account, currency, amount, kind, payout_id)
      values (${posting}, ${e.account}, 'KZT', ${e.amount}, ${e.kind ?? 'test'}, ${e.payoutId ?? null})`;
}

describe('wallet and settlement ledgers balance', () => {
  it('passes balanced postings, a wallet equal to its account and a payout equal to what it swept', async () => {
    const customer = randomUUID();
    await post([
      { account: `wallet:${customer}`, amount: 3_000 },
      { account: 'platform:goodwill', amount: -3_000 },
    ]);
    await system.db('payment')`insert into wallet_balances values (${customer}, 'KZT', 3000)`;
    const seller = randomUUID();
    const batch = randomUUID();
    const payout = randomUUID();
    await system.db(
      'payment',
    )`insert into payout_batches (id, period_end, currency) values (${batch}, now(), 'KZT')`;
    await system.db('payment')`
      insert into payouts (id, batch_id, seller_id, currency, amount, status) values (${payout}, ${batch}, ${seller}, 'KZT', 9000, 'pending')`;
    await post([
      { account: `seller:${seller}`, amount: 9_000, payoutId: payout },
      { account: 'platform:capture', amount: -9_000 },
    ]);
    await post([
      { account: `seller:${seller}`, amount: -9_000, kind: 'payout', payoutId: payout },
      { account: 'platform:payouts', amount: 9_000, kind: 'payout', payoutId: payout },
    ]);
    expect(await system.check(NAME)).toMatchObject({ ok: true });
  });

  it('fails a one-sided posting and a wallet row that drifted from its ledger', async () => {
    const customer = randomUUID();
    await post([{ account: `wallet:${customer}`, amount: 500 }]);
    await system.db('payment')`insert into wallet_balances values (${customer}, 'KZT', 700)`;
    const result = await system.check(NAME);
    expect(result.ok).toBe(false);
    expect(result.details.join('\n')).toContain('sums to 500 KZT, not zero');
    expect(result.details).toContain(`wallet:${customer} balance 700 KZT, its ledger sums to 500`);
  });
});

describe('gift card ledger balances', () => {
  it('passes a card whose balance is its ledger and fails one that drifted', async () => {
    const shop = system.db('shop');
    const card = randomUUID();
    await shop`insert into gift_cards (id, code, currency, initial_amount, balance) values (${card}, 'GOOD-1', 'KZT', 5000, 3000)`;
    const redemption = randomUUID();
    await shop`insert into gift_card_ledger (id, gift_card_id, kind, amount, idempotency_key)
      values (${randomUUID()}, ${card}, 'issue', 5000, ${randomUUID()}),
             (${redemption}, ${card}, 'redeem', -2000, ${randomUUID()})`;
    expect(await system.check('gift card ledger balances')).toMatchObject({ ok: true, checked: 1 });

    await shop`update gift_cards set balance = 4000 where id = ${card}`;
    const result = await system.check('gift card ledger balances');
    expect(result.ok).toBe(false);
    expect(result.details).toContain('gift card GOOD-1: balance 4000, its ledger sums to 3000');
  });
});
