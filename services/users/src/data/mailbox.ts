/** SQL repository of the local mailbox (embedded mode's outgoing mail). */
import type { Queryable } from '@sauda/kit';

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  template: string;
  createdAt: Date;
}

/** Stores a message once per notification id (a redelivered event adds nothing). */
export async function insertMail(sql: Queryable, mail: Omit<MailboxMessage, 'createdAt'>): Promise<void> {
  await sql`
    insert into mailbox (id, to_address, subject, body, template)
    values (${mail.id}, ${mail.to}, ${mail.subject}, ${mail.body}, ${mail.template})
    on conflict (id) do nothing`;
}

/** A page of messages, newest first, optionally to one address. */
export async function listMail(
  sql: Queryable,
  filter: { to?: string | undefined; limit: number; offset: number },
): Promise<{ items: MailboxMessage[]; total: number }> {
  const where = sql`where (${filter.to ?? null}::text is null or lower(to_address) = lower(${filter.to ?? null}))`;
  const items = await sql<MailboxMessage[]>`
    select id, to_address as "to", subject, body, template, created_at as "createdAt"
    from mailbox ${where} order by created_at desc, id desc limit ${filter.limit} offset ${filter.offset}`;
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from mailbox ${where}`;
  return { items, total: count?.n ?? 0 };
}
