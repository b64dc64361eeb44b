/** SQL for payment intents and their splits. */
import type { CurrencyCode, IntentStatus, PaymentIntent } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { statesBefore } from '../intents/transitions.ts';

/** An intent row as stored. */
export interface IntentRow {
  id: string;
  order_id: string;
  customer_id: string;
  method: PaymentIntent['method'];
  provider: string;
  provider_ref: string | null;
  token: string | null;
  currency: CurrencyCode;
  amount: string;
  amount_captured: string;
  amount_refunded: string;
  delivery_fee: string;
  status: IntentStatus;
  failure_code: string | null;
  next_action_url: string | null;
  return_url: string | null;
  created_at: Date;
  updated_at: Date;
  brand?: string | null;
  last4?: string | null;
}

/** The client's view of a row. */
export function toIntent(row: IntentRow): PaymentIntent {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    status: row.status,
    method: row.method,
    amount: { amount: Number(row.amount), currency: row.currency },
    amountCaptured: Number(row.amount_captured),
    amountRefunded: Number(row.amount_refunded),
    provider: row.provider,
    ...(row.brand && row.last4 ? { card: { brand: row.brand as 'visa', last4: row.last4 } } : {}),
    ...(row.status === 'requires_action' && row.next_action_url
      ? { nextAction: { type: 'redirect' as const, url: row.next_action_url } }
      : {}),
    ...(row.failure_code ? { failureCode: row.failure_code } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One intent with its card's brand and last four; `forUpdate` locks the row for the transaction. */
export async function findIntent(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<IntentRow | undefined> {
  const rows = forUpdate
    ? await db<IntentRow[]>`select * from payment_intents where id = ${id} for update`
    : await db<IntentRow[]>`
        select i.*, c.brand, c.last4 from payment_intents i left join card_tokens c on c.token = i.token where i.id = ${id}`;
  return rows[0];
}

/** The intent a provider reference belongs to; `forUpdate` locks the row and reads it as it is once locked. */
export async function findIntentByRef(
  db: Queryable,
  provider: string,
  ref: string,
  forUpdate = false,
): Promise<IntentRow | undefined> {
  const [row] = forUpdate
    ? await db<IntentRow[]>`
        select * from payment_intents where provider = ${provider} and provider_ref = ${ref} for update`
    : await db<
        IntentRow[]
      >`select * from payment_intents where provider = ${provider} and provider_ref = ${ref}`;
  return row;
}

/**
 * Moves an intent to `to` only from a state the transition table allows (guarded UPDATE); returns the new
 * row, or undefined when the intent was already elsewhere (a replay or a stale webhook: a no-op).
 */
export async function moveIntent(
  db: Queryable,
  id: string,
  to: IntentStatus,
  fields: {
    failureCode?: string;
    nextActionUrl?: string;
    providerRef?: string;
    amountCaptured?: number;
  } = {},
): Promise<IntentRow | undefined> {
  const [row] = await db<IntentRow[]>`
    update payment_intents set
      status = ${to},
      failure_code = coalesce(${fields.failureCode ?? null}, failure_code),
      next_action_url = coalesce(${fields.nextActionUrl ?? null}, next_action_url),
      provider_ref = coalesce(${fields.providerRef ?? null}, provider_ref),
      amount_captured = coalesce(${fields.amountCaptured ?? null}, amount_captured),
      updated_at = now()
    where id = ${id} and status = any(${statesBefore(to)}::text[])
    returning *`;
  return row;
}

/** The seller splits of an intent, in line order. */
export async function splitsOf(db: Queryable, intentId: string) {
  const rows = await db<{ seller_id: string; category_id: string | null; amount: string }[]>`
    select seller_id, category_id, amount::text from intent_splits where intent_id = ${intentId} order by line`;
  return rows.map((r) => ({ sellerId: r.seller_id, categoryId: r.category_id, amount: Number(r.amount) }));
}
