/**
 * A payout batch per period: each seller is paid what left the return window unpaid by the period's end
 * (refunds inside the window have already counted against them). Entries are marked with their payout in
 * the same transaction, so nothing is paid twice; a seller whose total is not positive waits.
 */
import { PayoutCreated, type CurrencyCode, type PayoutBatch } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { PayoutBatchExists } from '../errors.ts';
import { accounts, postEntries } from '../ledger/post-entries.ts';

/** Creates the batch ending at `periodEnd`; answers PAYOUT_BATCH_EXISTS for a period already batched. */
export async function createPayoutBatch(
  db: Db,
  periodEnd: Date,
  currency: CurrencyCode,
): Promise<PayoutBatch> {
  return withTransaction(db, async (tx) => {
    // Batches are rare and must not overlap: one at a time.
    await tx`select pg_advisory_xact_lock(hashtext('payment:payout-batch'))`;
    const batchId = uuidv7();
    const created = await tx<{ created_at: Date }[]>`
      insert into payout_batches (id, period_end, currency) values (${batchId}, ${periodEnd}, ${currency})
      on conflict (period_end) do nothing returning created_at`;
    if (created.length === 0) throw new PayoutBatchExists();
    const due = await tx<{ account: string; total: string }[]>`
      select account, sum(amount)::text as total from ledger_entries
      where account like 'seller:%' and currency = ${currency} and payout_id is null and kind <> 'payout'
        and (available_at is null or available_at <= ${periodEnd})
      group by account having sum(amount) > 0 order by account`;
    let total = 0;
    for (const { account, total: owed } of due) {
      const sellerId = account.slice('seller:'.length);
      const payoutId = uuidv7();
      const amount = Number(owed);
      const [bank] = await tx<
        { iban: string }[]
      >`select iban from seller_payout_accounts where seller_id = ${sellerId}`;
      await tx`
        update ledger_entries set payout_id = ${payoutId}
        where account = ${account} and currency = ${currency} and payout_id is null and kind <> 'payout'
          and (available_at is null or available_at <= ${periodEnd})`;
      await tx`
        insert into payouts (id, batch_id, seller_id, currency, amount, iban, status)
        values (${payoutId}, ${batchId}, ${sellerId}, ${currency}, ${amount}, ${bank?.iban ?? null}, ${bank ? 'pending' : 'on_hold'})`;
      await postEntries(tx, [
        { account, currency, amount: -amount, kind: 'payout', payoutId, memo: batchId },
        { account: accounts.payouts, currency, amount, kind: 'payout', payoutId, memo: sellerId },
      ]);
      await appendEvent(tx, PayoutCreated, {
        payoutId,
        batchId,
        sellerId,
        amount: { amount, currency },
        createdAt: new Date().toISOString(),
      });
      total += amount;
    }
    return {
      id: batchId,
      periodEnd: periodEnd.toISOString(),
      payouts: due.length,
      total: { amount: total, currency },
      status: 'created',
      createdAt: (created[0]?.created_at ?? new Date()).toISOString(),
    };
  });
}
