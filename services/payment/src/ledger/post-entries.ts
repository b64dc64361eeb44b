/**
 * Double-entry postings: each posting's entries sum to zero per currency, written in one statement, and a
 * posting with an external reference (a gift card redemption, a capture) is written at most once.
 */
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';

/** One side of a posting. Positive amounts increase the account (what we owe it), negative decrease. */
export interface Entry {
  account: string;
  currency: string;
  amount: number;
  kind: string;
  intentId?: string | undefined;
  memo?: string | undefined;
  /** When the money may be paid out (seller entries within the return window). */
  availableAt?: Date | undefined;
  payoutId?: string | undefined;
}

/** Ledger account names. */
export const accounts = {
  wallet: (customerId: string) => `wallet:${customerId}`,
  hold: (intentId: string) => `hold:${intentId}`,
  provider: (name: string) => `provider:${name}`,
  seller: (sellerId: string) => `seller:${sellerId}`,
  cash: 'cash:cod',
  commission: 'platform:commission',
  delivery: 'platform:delivery',
  goodwill: 'platform:goodwill',
  giftcards: 'shop:giftcards',
  payouts: 'bank:payouts',
} as const;

/** Thrown when a posting does not balance: a programming error, never a user error. */
export class UnbalancedPosting extends Error {}

/** Writes a balanced posting; returns false when `reference` was already posted (nothing written). */
export async function postEntries(tx: Tx, entries: Entry[], reference?: string): Promise<boolean> {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.currency, (sums.get(e.currency) ?? 0) + e.amount);
  for (const [currency, sum] of sums)
    if (sum !== 0) throw new UnbalancedPosting(`posting off by ${sum} ${currency}`);
  const id = uuidv7();
  const claimed = await tx`
    insert into ledger_postings (id, reference) values (${id}, ${reference ?? id}) on conflict (reference) do nothing returning id`;
  if (claimed.length === 0) return false;
  const rows = entries
    .filter((e) => e.amount !== 0)
    .map((e) => ({
      posting_id: id,
      account: e.account,
      currency: e.currency,
      amount: e.amount,
      kind: e.kind,
      intent_id: e.intentId ?? null,
      memo: e.memo ?? null,
      available_at: e.availableAt ?? null,
      payout_id: e.payoutId ?? null,
    }));
  if (rows.length > 0) await tx`insert into ledger_entries ${tx(rows)}`;
  return true;
}
