/** Admin views: payments and refunds, newest first, filtered by status. */
import type { IntentStatus, PaymentIntent, Refund } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { toIntent, type IntentRow } from '../data/intents-repo.ts';

/** A page of payments, optionally of one status or one customer. */
export async function listPayments(
  db: Queryable,
  filter: { status?: IntentStatus | undefined; customerId?: string | undefined; page: number; limit: number },
): Promise<{ items: PaymentIntent[]; total: number }> {
  const status = filter.status ?? null;
  const customer = filter.customerId ?? null;
  const rows = await db<(IntentRow & { total: number })[]>`
    select i.*, c.brand, c.last4, count(*) over ()::int as total
    from payment_intents i left join card_tokens c on c.token = i.token
    where (${status}::text is null or i.status = ${status}) and (${customer}::uuid is null or i.customer_id = ${customer})
    order by i.created_at desc limit ${filter.limit} offset ${(filter.page - 1) * filter.limit}`;
  return { items: rows.map(toIntent), total: rows[0]?.total ?? 0 };
}

/** A page of refunds. */
export async function listRefunds(
  db: Queryable,
  page: number,
  limit: number,
): Promise<{ items: Refund[]; total: number }> {
  const rows = await db<
    {
      id: string;
      intent_id: string;
      amount: string;
      currency: 'KZT';
      destination: 'original' | 'wallet';
      reason: string | null;
      created_at: Date;
      total: number;
    }[]
  >`
    select id, intent_id, amount::text, currency, destination, reason, created_at, count(*) over ()::int as total
    from refunds order by created_at desc limit ${limit} offset ${(page - 1) * limit}`;
  return {
    items: rows.map((r) => ({
      id: r.id,
      intentId: r.intent_id,
      amount: { amount: Number(r.amount), currency: r.currency },
      destination: r.destination,
      ...(r.reason ? { reason: r.reason } : {}),
      status: 'completed' as const,
      createdAt: r.created_at.toISOString(),
    })),
    total: rows[0]?.total ?? 0,
  };
}
