/**
 * Marketplace settlement: a capture is split into each seller's share, the platform commission (rate by
 * seller, else category, else default) and the delivery fee; a refund reverses the same split pro rata.
 */
import type { Tx } from '@sauda/kit';
import { splitsOf, type IntentRow } from '../data/intents-repo.ts';
import { allocate, commissionOf } from './allocate.ts';
import { accounts, postEntries, type Entry } from './post-entries.ts';

/** The commission rate (basis points) for a seller's line: the seller's own rate wins over the category's. */
export async function commissionRate(tx: Tx, sellerId: string, categoryId: string | null): Promise<number> {
  const [row] = await tx<{ basis_points: number }[]>`
    select basis_points from commission_rates
    where (scope = 'seller' and subject_id = ${sellerId})
       or (scope = 'category' and subject_id = ${categoryId ?? '00000000-0000-0000-0000-000000000000'})
       or scope = 'default'
    order by case scope when 'seller' then 0 when 'category' then 1 else 2 end limit 1`;
  return row?.basis_points ?? 0;
}

/** Posts the settlement of `captured` units of `intent`, taken from `sourceAccount`. */
export async function settleCapture(
  tx: Tx,
  intent: IntentRow,
  captured: number,
  sourceAccount: string,
  returnWindowDays: number,
): Promise<void> {
  const splits = await splitsOf(tx, intent.id);
  const parts = allocate(captured, [...splits.map((s) => s.amount), Number(intent.delivery_fee)]);
  const currency = intent.currency;
  const availableAt = new Date(Date.now() + returnWindowDays * 86_400_000);
  const entries: Entry[] = [
    { account: sourceAccount, currency, amount: -captured, kind: 'capture', intentId: intent.id },
  ];
  for (const [i, split] of splits.entries()) {
    const gross = parts[i] ?? 0;
    const commission = commissionOf(gross, await commissionRate(tx, split.sellerId, split.categoryId));
    entries.push(
      {
        account: accounts.seller(split.sellerId),
        currency,
        amount: gross - commission,
        kind: 'sale',
        intentId: intent.id,
        availableAt,
      },
      {
        account: accounts.commission,
        currency,
        amount: commission,
        kind: 'commission',
        intentId: intent.id,
        memo: split.sellerId,
      },
    );
  }
  entries.push({
    account: accounts.delivery,
    currency,
    amount: parts[splits.length] ?? 0,
    kind: 'delivery_fee',
    intentId: intent.id,
  });
  await postEntries(tx, entries, `capture:${intent.id}`);
}

/**
 * Posts the reversal of a refund: the lines of the capture, scaled from `refundedBefore` to `refundedAfter`
 * (cumulative, so rounding never drifts and a full refund reverses exactly), paid to `destinationAccount`.
 */
export async function reverseSettlement(
  tx: Tx,
  intent: IntentRow,
  refundedBefore: number,
  refundedAfter: number,
  destinationAccount: string,
  refundId: string,
): Promise<void> {
  const lines = await tx<{ account: string; amount: string; kind: string; memo: string | null }[]>`
    select account, amount::text, kind, memo from ledger_entries
    where intent_id = ${intent.id} and kind in ('sale', 'commission', 'delivery_fee') order by id`;
  const weights = lines.map((l) => Number(l.amount));
  const captured = Number(intent.amount_captured);
  const scaled = (refunded: number) => allocate(refunded, weights).map((x) => x);
  const before = captured === refundedBefore ? weights : scaled(refundedBefore);
  const after = captured === refundedAfter ? weights : scaled(refundedAfter);
  const currency = intent.currency;
  const entries: Entry[] = lines.map((line, i) => ({
    account: line.account,
    currency,
    amount: -((after[i] ?? 0) - (before[i] ?? 0)),
    kind: `refund_${line.kind}`,
    intentId: intent.id,
    memo: line.memo ?? undefined,
    // A refund counts against the seller at once, even inside the return window.
    availableAt: line.kind === 'sale' ? new Date() : undefined,
  }));
  entries.push({
    account: destinationAccount,
    currency,
    amount: refundedAfter - refundedBefore,
    kind: 'refund',
    intentId: intent.id,
    memo: refundId,
  });
  await postEntries(tx, entries, `refund:${refundId}`);
}
