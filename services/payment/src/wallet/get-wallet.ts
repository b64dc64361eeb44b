/** The customer's wallet: balance (the guarded balance row, equal to the ledger's sum) and history. */
import type { CurrencyCode, Wallet } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { accounts } from '../ledger/post-entries.ts';
import { ledgerLines } from '../data/ledger-repo.ts';

/** Reads one customer's wallet in one currency. */
export async function getWallet(
  db: Queryable,
  customerId: string,
  currency: CurrencyCode,
  limit = 50,
): Promise<Wallet> {
  const [row] = await db<{ balance: string }[]>`
    select balance from wallet_balances where customer_id = ${customerId} and currency = ${currency}`;
  return {
    balance: { amount: Number(row?.balance ?? 0), currency },
    items: await ledgerLines(db, accounts.wallet(customerId), currency, limit),
  };
}
