/** Ledgers balance: payment's double entry (wallets, settlements, payouts) and shop's gift cards. */
import { hasTable } from '../databases.ts';
import { absent, num, verdict, type Invariant } from '../types.ts';

/**
 * Payment's books: every posting sums to zero per currency, each wallet's guarded balance row equals its
 * ledger account, and each seller payout equals the settled entries it swept.
 */
export const paymentLedgerBalances: Invariant = {
  name: 'wallet and settlement ledgers balance',
  async run(ctx) {
    const payment = ctx.db('payment');
    if (!payment) return absent('payment');
    const violations: string[] = [];
    const [count] = await payment<{ n: number }[]>`select count(*)::int as n from ledger_entries`;
    const unbalanced = await payment<{ posting_id: string; currency: string; total: string }[]>`
      select posting_id, currency, sum(amount)::text as total from ledger_entries
      group by posting_id, currency having sum(amount) <> 0 limit 50`;
    for (const row of unbalanced)
      violations.push(`posting ${row.posting_id} sums to ${row.total} ${row.currency}, not zero`);
    const wallets = await payment<
      { account: string; currency: string; balance: string | null; ledger: string | null }[]
    >`
      with ledger as (
        select account, currency, sum(amount) as total from ledger_entries
        where account like 'wallet:%' group by account, currency)
      select coalesce('wallet:' || b.customer_id, l.account) as account, coalesce(b.currency, l.currency) as currency,
        b.balance::text as balance, l.total::text as ledger
      from wallet_balances b full join ledger l on l.account = 'wallet:' || b.customer_id and l.currency = b.currency
      where b.balance is distinct from l.total and not (b.balance is null and l.total = 0)
        and not (l.total is null and b.balance = 0)`;
    for (const row of wallets)
      violations.push(
        `${row.account} balance ${row.balance ?? 'none'} ${row.currency}, its ledger sums to ${row.ledger ?? 0}`,
      );
    const payouts = await payment<
      { id: string; seller_id: string; amount: string; swept: string; paid: string }[]
    >`
      select p.id, p.seller_id, p.amount::text as amount,
        coalesce(sum(e.amount) filter (where e.kind <> 'payout'), 0)::text as swept,
        coalesce(-sum(e.amount) filter (where e.kind = 'payout'), 0)::text as paid
      from payouts p
      left join ledger_entries e on e.payout_id = p.id and e.account = 'seller:' || p.seller_id
      group by p.id, p.seller_id, p.amount
      having p.amount <> coalesce(sum(e.amount) filter (where e.kind <> 'payout'), 0)
        or p.amount <> coalesce(-sum(e.amount) filter (where e.kind = 'payout'), 0)`;
    for (const row of payouts)
      violations.push(
        `payout ${row.id} to seller ${row.seller_id} is ${row.amount}; it swept ${row.swept} and debited ${row.paid}`,
      );
    const negative = await payment<{ customer_id: string; balance: string }[]>`
      select customer_id, balance::text from wallet_balances where balance < 0`;
    for (const row of negative) violations.push(`wallet of ${row.customer_id} is negative (${row.balance})`);
    return verdict(count?.n ?? 0, violations);
  },
};

/** Shop's gift cards: each card's balance is the sum of its ledger, never negative, refunds within redemptions. */
export const giftCardLedgerBalances: Invariant = {
  name: 'gift card ledger balances',
  async run(ctx) {
    const shop = ctx.db('shop');
    if (!shop) return absent('shop');
    if (!(await hasTable(shop, 'gift_cards'))) return absent('gift card');
    const [count] = await shop<{ n: number }[]>`select count(*)::int as n from gift_cards`;
    const rows = await shop<{ code: string; balance: string; ledger: string }[]>`
      select c.code, c.balance::text as balance, coalesce(sum(l.amount), 0)::text as ledger
      from gift_cards c left join gift_card_ledger l on l.gift_card_id = c.id
      group by c.id, c.code, c.balance
      having c.balance <> coalesce(sum(l.amount), 0) or c.balance < 0`;
    const violations = rows.map(
      (r) => `gift card ${r.code}: balance ${r.balance}, its ledger sums to ${r.ledger}`,
    );
    const overRefunded = await shop<{ id: string; amount: string; refunded: string; refunds: string }[]>`
      select r.id, r.amount::text as amount, r.refunded::text as refunded, coalesce(sum(f.amount), 0)::text as refunds
      from gift_card_ledger r left join gift_card_ledger f on f.redemption_id = r.id and f.kind = 'refund'
      where r.kind = 'redeem'
      group by r.id, r.amount, r.refunded
      having coalesce(sum(f.amount), 0) <> r.refunded or r.refunded > -r.amount`;
    for (const row of overRefunded)
      violations.push(
        `redemption ${row.id} of ${num(row.amount)}: refunded ${row.refunded}, refund rows sum to ${row.refunds}`,
      );
    return verdict(count?.n ?? 0, violations);
  },
};
