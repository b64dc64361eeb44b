/**
 * Creating a payment intent for an order and authorizing it at once: a card through its provider, the
 * wallet by a guarded hold, cash on delivery accepted as-is (captured later when the round's cash is
 * reconciled). The intent is stored in the caller's idempotency transaction, so a retried request replays
 * the answer; a card's provider is asked after that commit, and a sweep asks again for intents whose
 * process died before the provider answered.
 */
import type { NewPaymentIntent, PaymentIntent } from '@sauda/contracts';
import { withTransaction, type Tx } from '@sauda/kit';
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
import { ProviderTimeout, withTimeout, type ProviderState } from '../providers/provider.ts';
import { debitWallet } from '../wallet/wallet-ledger.ts';
import { announceIntent } from './announce.ts';
import { moveToProviderState, type AppliedState } from './apply-provider-state.ts';

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

/** A card intent stored and waiting for its provider's answer. */
export interface DueAuthorization {
  row: IntentRow;
  providerToken: string;
}

/** What `openIntent` did: the intent as stored, and the provider call still due for a card. */
export interface OpenedIntent {
  row: IntentRow;
  due?: DueAuthorization;
}

/**
 * Stores the intent `processing` with its splits. The wallet's hold and cash on delivery are decided here, in
 * the caller's transaction; a card is left `due`: its provider is called after the commit (`authorizeAtProvider`),
 * so no transaction, and no pooled connection, waits on a bank.
 */
export async function openIntent(
  ctx: PaymentContext,
  tx: Tx,
  input: NewPaymentIntent,
): Promise<OpenedIntent> {
  assertBalancedSplits(input);
  const card = input.method === 'card' || input.method === 'saved_card';
  if (card && !input.token) throw new CardTokenRequired();
  const token = card ? (input.token ?? null) : null;
  const splits = input.splits.map((s, line) => ({
    line,
    seller_id: s.sellerId,
    category_id: s.categoryId ?? null,
    amount: s.amount.amount,
  }));
  const id = uuidv7();
  // One round trip on the checkout path: the caller's own card token is read, the intent and then its splits
  // inserted, in one statement. No row: the token is not the caller's, or the order already has a live payment.
  const [row] = await tx<(IntentRow & { provider_token: string | null })[]>`
    with card as (
      select token, provider, provider_token, brand, last4 from card_tokens
      where token = ${token} and customer_id = ${input.customerId}
    ), intent as (
      insert into payment_intents (id, order_id, customer_id, method, provider, token, currency, amount, delivery_fee, status, return_url)
      select ${id}, ${input.orderId}, ${input.customerId}, ${input.method},
             coalesce(card.provider, ${input.method === 'wallet' ? 'wallet' : 'cash'}), card.token,
             ${input.amount.currency}, ${input.amount.amount}, ${input.deliveryFee.amount}, 'processing', ${input.returnUrl ?? null}
      from (select) as one left join card on true
      where card.token is not null or ${!card}
      on conflict (order_id) where status not in ('failed', 'voided') do nothing
      returning *
    ), splits as (
      insert into intent_splits (intent_id, line, seller_id, category_id, amount)
      select intent.id, s.line, s.seller_id, s.category_id, s.amount
      from intent, jsonb_to_recordset(${JSON.stringify(splits)}::text::jsonb)
        as s(line int, seller_id uuid, category_id uuid, amount bigint)
    )
    select intent.*, card.brand, card.last4, card.provider_token from intent left join card on true`;
  if (!row) {
    // Say which; only refusals pay for this second read.
    if (token) assertConfigured(ctx, (await findOwnToken(tx, token, input.customerId)).provider);
    throw new OrderAlreadyPaid();
  }
  // Only a card has a provider token: the wallet and cash on delivery are settled here.
  if (!row.provider_token) return { row: await settleWithoutProvider(tx, row, input) };
  // Checked after the insert: a refusal throws, and the transaction rolls the intent back.
  assertConfigured(ctx, row.provider);
  return { row, due: { row, providerToken: row.provider_token } };
}

/**
 * Asks the provider for the authorization (our intent id is its idempotency key, so asking again after a
 * crash returns the first answer), then applies the answer in a transaction of its own; `alongside` writes
 * what must commit with the answer (the route's stored idempotent answer).
 */
export async function authorizeAtProvider(
  ctx: PaymentContext,
  due: DueAuthorization,
  alongside?: (tx: Tx, row: IntentRow) => Promise<void>,
): Promise<IntentRow> {
  const answer = await askProvider(ctx, due);
  return withTransaction(ctx.db, (tx) => applyAnswer(tx, due, answer, alongside));
}

/** Creates and authorizes the intent inside `tx`, the provider call included (demo seeds and tests). */
export async function createIntent(
  ctx: PaymentContext,
  tx: Tx,
  input: NewPaymentIntent,
): Promise<PaymentIntent> {
  const opened = await openIntent(ctx, tx, input);
  if (!opened.due) return toIntent(opened.row);
  return toIntent(await applyAnswer(tx, opened.due, await askProvider(ctx, opened.due)));
}

/**
 * Card intents the provider never answered (the process died before or while asking, or the provider was
 * down): asked again, once they are older than any call in progress could be. Answers how many were asked
 * and the first failure, if any (those are asked again on a later sweep).
 */
export async function authorizeForgotten(
  ctx: PaymentContext,
  olderThanMs: number,
  limit = 20,
): Promise<{ asked: number; failure?: unknown }> {
  const stale = await ctx.db<(IntentRow & { provider_token: string })[]>`
    update payment_intents i set updated_at = now()
    from card_tokens c
    where i.id in (
      select id from payment_intents
      where status = 'processing' and provider_ref is null and token is not null
        and updated_at < now() - ${olderThanMs} * interval '1 millisecond'
      order by updated_at
      limit ${limit}
      for update skip locked)
      and c.token = i.token
    returning i.*, c.provider_token, c.brand, c.last4`;
  let failure: unknown;
  for (const row of stale) {
    try {
      await authorizeAtProvider(ctx, { row, providerToken: row.provider_token });
    } catch (error) {
      failure ??= error;
    }
  }
  return failure === undefined ? { asked: stale.length } : { asked: stale.length, failure };
}

async function settleWithoutProvider(tx: Tx, row: IntentRow, input: NewPaymentIntent): Promise<IntentRow> {
  if (input.method === 'cod') return moveAndAnnounce(tx, row, 'authorized');
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

type ProviderAnswer = ProviderState | { status: 'timed_out' };

async function askProvider(ctx: PaymentContext, due: DueAuthorization): Promise<ProviderAnswer> {
  const provider = ctx.providers.get(due.row.provider);
  if (!provider) throw new ProviderUnavailable(`provider ${due.row.provider} is not configured`);
  try {
    return await withTimeout(
      provider.authorize({
        intentId: due.row.id,
        providerToken: due.providerToken,
        amount: { amount: Number(due.row.amount), currency: due.row.currency },
        ...(due.row.return_url ? { returnUrl: due.row.return_url } : {}),
      }),
      ctx.providerTimeoutMs,
    );
  } catch (error) {
    if (!(error instanceof ProviderTimeout)) throw error;
    // No answer in time: the bank may still have authorized, so reverse by our idempotency key and fail.
    await provider.reverse(due.row.id).catch(() => undefined);
    return { status: 'timed_out' };
  }
}

/**
 * Applies the provider's answer to a card intent; the event and `alongside` are independent writes, sent
 * together (one round trip). The answer keeps the card's brand and last four, known since the intent opened.
 */
async function applyAnswer(
  tx: Tx,
  due: DueAuthorization,
  answer: ProviderAnswer,
  alongside?: (tx: Tx, row: IntentRow) => Promise<void>,
): Promise<IntentRow> {
  // The intent is nearly always still `processing` as committed, so the guarded update goes first, unread;
  // only when it moved meanwhile (a webhook, the sweep) is it read, locked, and the answer applied to that.
  let applied = await moveByAnswer(tx, due.row, answer);
  if (!applied) {
    const current = (await findIntent(tx, due.row.id, true)) ?? due.row;
    applied = (await moveByAnswer(tx, current, answer)) ?? { row: current, moved: false };
  }
  const row = { ...applied.row, brand: due.row.brand ?? null, last4: due.row.last4 ?? null };
  await Promise.all([applied.moved ? announceIntent(tx, row) : undefined, alongside?.(tx, row)]);
  return row;
}

/** Moves the intent as the answer says, unannounced; undefined when it changed nothing. */
async function moveByAnswer(
  tx: Tx,
  row: IntentRow,
  answer: ProviderAnswer,
): Promise<AppliedState | undefined> {
  if (answer.status !== 'timed_out') return moveToProviderState(tx, row, answer);
  const moved = await moveIntent(tx, row.id, 'failed', { failureCode: 'provider_timeout' });
  return moved ? { row: moved, moved: true } : undefined;
}

function assertConfigured(ctx: PaymentContext, provider: string): void {
  if (!ctx.providers.get(provider)) throw new ProviderUnavailable(`provider ${provider} is not configured`);
}

async function moveAndAnnounce(tx: Tx, row: IntentRow, to: 'authorized' | 'failed', failureCode?: string) {
  const moved = await moveIntent(tx, row.id, to, failureCode ? { failureCode } : {});
  if (!moved) return row;
  await announceIntent(tx, moved);
  return moved;
}
