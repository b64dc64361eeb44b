/**
 * Wallet movements. The balance row is changed in the same transaction as the ledger entries, so the
 * balance always equals the ledger's sum; spending is one guarded statement, so it never goes negative.
 */
import { WalletCredited, type Money } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { WalletInsufficient } from '../errors.ts';
import { accounts, postEntries } from '../ledger/post-entries.ts';

/** Why money enters a wallet. */
export type CreditSource = 'refund' | 'giftcard' | 'goodwill';

/**
 * Credits the wallet from `fromAccount`, once per `reference`; returns false when that reference was
 * already credited. Announces `payment.wallet.credited.v1`.
 */
export async function creditWallet(
  tx: Tx,
  input: {
    customerId: string;
    amount: Money;
    fromAccount: string;
    source: CreditSource;
    reference: string;
    memo?: string;
    intentId?: string;
  },
): Promise<boolean> {
  const { customerId, amount } = input;
  const posted = await postEntries(
    tx,
    [
      {
        account: accounts.wallet(customerId),
        currency: amount.currency,
        amount: amount.amount,
        kind: input.source,
        memo: input.memo,
        intentId: input.intentId,
      },
      {
        account: input.fromAccount,
        currency: amount.currency,
        amount: -amount.amount,
        kind: input.source,
        memo: input.memo,
        intentId: input.intentId,
      },
    ],
    `wallet:${input.source}:${input.reference}`,
  );
  if (!posted) return false;
  await tx`
    insert into wallet_balances (customer_id, currency, balance) values (${customerId}, ${amount.currency}, ${amount.amount})
    on conflict (customer_id, currency) do update set balance = wallet_balances.balance + excluded.balance`;
  await appendEvent(tx, WalletCredited, {
    customerId,
    amount,
    source: input.source,
    reference: input.reference,
    creditedAt: new Date().toISOString(),
  });
  return true;
}

/** Moves `amount` from the wallet to `toAccount` if the balance allows; throws WALLET_INSUFFICIENT otherwise. */
export async function debitWallet(
  tx: Tx,
  input: {
    customerId: string;
    amount: Money;
    toAccount: string;
    kind: string;
    intentId?: string;
    memo?: string;
  },
): Promise<void> {
  const { customerId, amount } = input;
  // The guard and the change are one statement: two concurrent spends cannot both pass the check.
  const spent = await tx`
    update wallet_balances set balance = balance - ${amount.amount}
    where customer_id = ${customerId} and currency = ${amount.currency} and balance >= ${amount.amount}`;
  if (spent.count === 0) throw new WalletInsufficient();
  await postEntries(tx, [
    {
      account: accounts.wallet(customerId),
      currency: amount.currency,
      amount: -amount.amount,
      kind: input.kind,
      intentId: input.intentId,
      memo: input.memo,
    },
    {
      account: input.toAccount,
      currency: amount.currency,
      amount: amount.amount,
      kind: input.kind,
      intentId: input.intentId,
      memo: input.memo,
    },
  ]);
}

/** Returns money from `fromAccount` into the wallet (a released hold); always succeeds. */
export async function releaseToWallet(
  tx: Tx,
  input: { customerId: string; amount: Money; fromAccount: string; kind: string; intentId: string },
): Promise<void> {
  const { customerId, amount } = input;
  if (amount.amount <= 0) return;
  await postEntries(tx, [
    {
      account: accounts.wallet(customerId),
      currency: amount.currency,
      amount: amount.amount,
      kind: input.kind,
      intentId: input.intentId,
    },
    {
      account: input.fromAccount,
      currency: amount.currency,
      amount: -amount.amount,
      kind: input.kind,
      intentId: input.intentId,
    },
  ]);
  await tx`
    insert into wallet_balances (customer_id, currency, balance) values (${customerId}, ${amount.currency}, ${amount.amount})
    on conflict (customer_id, currency) do update set balance = wallet_balances.balance + excluded.balance`;
}
