/** Reading the ledger: lines of one account, sums. */
import type { CurrencyCode, LedgerLine } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

interface LineRow {
  id: string;
  kind: string;
  amount: string;
  currency: CurrencyCode;
  intent_id: string | null;
  memo: string | null;
  available_at: Date | null;
  created_at: Date;
}

/** The newest lines of an account. */
export async function ledgerLines(
  db: Queryable,
  account: string,
  currency: CurrencyCode,
  limit: number,
): Promise<LedgerLine[]> {
  const rows = await db<LineRow[]>`
    select id::text, kind, amount::text, currency, intent_id, memo, available_at, created_at from ledger_entries
    where account = ${account} and currency = ${currency} order by ledger_entries.id desc limit ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: { amount: Number(r.amount), currency: r.currency },
    ...(r.intent_id ? { intentId: r.intent_id } : {}),
    ...(r.memo ? { memo: r.memo } : {}),
    ...(r.available_at ? { availableAt: r.available_at.toISOString() } : {}),
    createdAt: r.created_at.toISOString(),
  }));
}

/** The sum of an account (bigint arithmetic in SQL, returned as a number: our amounts stay below 2^53). */
export async function accountSum(db: Queryable, account: string, currency: string): Promise<number> {
  const [row] = await db<{ sum: string }[]>`
    select coalesce(sum(amount), 0)::text as sum from ledger_entries where account = ${account} and currency = ${currency}`;
  return Number(row?.sum ?? 0);
}
