/** An admin credits a customer's wallet as goodwill, once per idempotency key. */
import type { Money, Wallet } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { accounts } from '../ledger/post-entries.ts';
import { creditWallet } from './wallet-ledger.ts';
import { getWallet } from './get-wallet.ts';

/** Credits `amount` with a memo; the same reference credits once. */
export async function grantGoodwill(
  db: Db,
  customerId: string,
  amount: Money,
  reference: string,
  memo: string,
): Promise<Wallet> {
  return withTransaction(db, async (tx) => {
    await creditWallet(tx, {
      customerId,
      amount,
      fromAccount: accounts.goodwill,
      source: 'goodwill',
      reference,
      memo,
    });
    return getWallet(tx, customerId, amount.currency);
  });
}
