/** The customer mail orders wrote, newest first: what the admin mail viewer shows (embedded mode). */
import type { Queryable } from '@sauda/kit';

/** One mail with its delivery state. */
export interface OrderMail {
  id: string;
  orderId: string | null;
  to: string;
  locale: string;
  template: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

/** A page of mail, optionally to one address (case-insensitive). */
export async function listOrderMail(
  db: Queryable,
  filter: { to?: string | undefined; page: number; limit: number },
): Promise<{ items: OrderMail[]; total: number; page: number; limit: number }> {
  const to = filter.to?.trim() || null;
  const where = db`where (${to}::text is null or lower(recipient) = lower(${to}))`;
  const rows = await db<
    Array<Omit<OrderMail, 'createdAt' | 'sentAt'> & { createdAt: Date; sentAt: Date | null }>
  >`
    select id, order_id as "orderId", recipient as "to", locale, template, subject, body,
      created_at as "createdAt", sent_at as "sentAt", attempts, last_error as "lastError"
    from email_outbox ${where} order by created_at desc, id desc
    limit ${filter.limit} offset ${(filter.page - 1) * filter.limit}`;
  const [count] = await db<{ n: number }[]>`select count(*)::int as n from email_outbox ${where}`;
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    total: count?.n ?? 0,
    page: filter.page,
    limit: filter.limit,
  };
}
