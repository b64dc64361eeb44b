/**
 * Creating a payment intent for an order and authorizing it at once: a card through its provider, the
 * wallet by a guarded hold, cash on delivery accepted as-is (captured later when the round's cash is
 * reconciled). Runs inside the caller's idempotency transaction, so a retried request replays the answer.
 */
import type { NewPaymentIntent, PaymentIntent } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { findOwnToken } from '../cards/get-card-token.ts';
import type { PaymentContext } from '../context.ts';
import { findIntent, moveIntent, toIntent, type IntentRow } from '../data/intents-repo.ts';
import {
  CardTokenRequired,
  CurrencyMismatch,
  OrderAlreadyPaid,
  ProviderUnavailable,
  SplitMismatch,
  WalletInsufficient,
} from '../errors.ts';
import { accounts } from '../ledger/post-entries.ts';
import { ProviderTimeout, withTimeout } from '../providers/provider.ts';
import { debitWallet } from '../wallet/wallet-ledger.ts';
import { announceIntent } from './announce.ts';
import { applyProviderState } from './apply-provider-state.ts';

/** Splits and delivery fee must add up to the amount, all in its currency. */
function assertBalancedSplits(input: NewPaymentIntent): void {
  const currency = input.amount.currency;
  const amounts = [...input.splits.map((s) => s.amount), input.deliveryFee];
  if (amounts.some((m) => m.currency !== currency)) throw new CurrencyMismatch();
  if (input.amount.amount <= 0 || amounts.some((m) => m.amount < 0))
    throw new SplitMismatch('amounts must be positive');
  const sum = amounts.reduce((total, m) => total + m.amount, 0);
  if (sum !== input.amount.amount)
    throw new SplitMismatch(`splits and delivery fee add up to ${sum}, not ${input.amount.amount}`);
}

/** Creates and authorizes the intent; the answer carries its status and any next action. */
export async function createIntent(
  ctx: PaymentContext,
  tx: Tx,
  input: NewPaymentIntent,
): Promise<PaymentIntent> {
  assertBalancedSplits(input);
  const card = input.method === 'card' || input.method === 'saved_card';
  if (card && !input.token) throw new CardTokenRequired();
  const token = card && input.token ? await findOwnToken(tx, input.token, input.customerId) : undefined;
  const provider = token ? token.provider : input.method === 'wallet' ? 'wallet' : 'cash';
  const id = uuidv7();
  const inserted = await tx<IntentRow[]>`
    insert into payment_intents (id, order_id, customer_id, method, provider, token, currency, amount, delivery_fee, status, return_url)
    values (${id}, ${input.orderId}, ${input.customerId}, ${input.method}, ${provider}, ${token?.token ?? null},
            ${input.amount.currency}, ${input.amount.amount}, ${input.deliveryFee.amount}, 'processing', ${input.returnUrl ?? null})
    on conflict (order_id) where status not in ('failed', 'voided') do nothing
    returning *`;
  const row = inserted[0];
  if (!row) throw new OrderAlreadyPaid();
  await tx`insert into intent_splits ${tx(
    input.splits.map((s, line) => ({
      intent_id: id,
      line,
      seller_id: s.sellerId,
      category_id: s.categoryId ?? null,
      amount: s.amount.amount,
    })),
  )}`;
  const after = await authorize(ctx, tx, row, token?.provider_token, input);
  return toIntent((await findIntent(tx, after.id)) ?? after);
}

async function authorize(
  ctx: PaymentContext,
  tx: Tx,
  row: IntentRow,
  providerToken: string | undefined,
  input: NewPaymentIntent,
): Promise<IntentRow> {
  if (input.method === 'cod') return moveAndAnnounce(tx, row, 'authorized');
  if (input.method === 'wallet') {
    try {
      // A savepoint, so a refused hold leaves the intent row to record the failure.
      await tx.savepoint((sp) =>
        debitWallet(sp, {
          customerId: row.customer_id,
          amount: input.amount,
          toAccount: accounts.hold(row.id),
          kind: 'hold',
          intentId: row.id,
        }),
      );
    } catch (error) {
      if (!(error instanceof WalletInsufficient)) throw error;
      return moveAndAnnounce(tx, row, 'failed', 'insufficient_wallet_balance');
    }
    return moveAndAnnounce(tx, row, 'authorized');
  }
  const provider = ctx.providers.get(row.provider);
  if (!provider || !providerToken)
    throw new ProviderUnavailable(`provider ${row.provider} is not configured`);
  try {
    const state = await withTimeout(
      provider.authorize({
        intentId: row.id,
        providerToken,
        amount: input.amount,
        ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
      }),
      ctx.providerTimeoutMs,
    );
    return await applyProviderState(tx, row, state);
  } catch (error) {
    if (!(error instanceof ProviderTimeout)) throw error;
    // No answer in time: the bank may still have authorized, so reverse by our idempotency key and fail.
    await provider.reverse(row.id).catch(() => undefined);
    return moveAndAnnounce(tx, row, 'failed', 'provider_timeout');
  }
}

async function moveAndAnnounce(tx: Tx, row: IntentRow, to: 'authorized' | 'failed', failureCode?: string) {
  const moved = await moveIntent(tx, row.id, to, failureCode ? { failureCode } : {});
  if (!moved) return row;
  await announceIntent(tx, moved);
  return moved;
}
