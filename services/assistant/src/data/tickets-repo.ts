/** Support tickets opened by a hand-over: the conversation so far, for a person to pick up. */
import type { SupportTicket } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { TranscriptEntry } from './sessions-repo.ts';

/** Opens a ticket. */
export async function openTicket(
  db: Queryable,
  ticket: {
    id: string;
    sessionId: string;
    customerId: string | null;
    language: string;
    summary: string;
    transcript: TranscriptEntry[];
  },
): Promise<void> {
  await db`
    insert into tickets (id, session_id, customer_id, language, summary, transcript)
    values (${ticket.id}, ${ticket.sessionId}, ${ticket.customerId}, ${ticket.language}, ${ticket.summary}, ${db.json(ticket.transcript as never)})`;
}

/** Tickets, newest first, optionally only open ones. */
export async function listTickets(
  db: Queryable,
  status: 'open' | 'closed' | undefined,
  limit: number,
): Promise<SupportTicket[]> {
  const rows = await db<Array<Omit<SupportTicket, 'createdAt'> & { createdAt: Date }>>`
    select id, session_id as "sessionId", customer_id as "customerId", language, summary, transcript, status, created_at as "createdAt"
    from tickets ${status ? db`where status = ${status}` : db``}
    order by created_at desc limit ${limit}`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Closes a ticket; false when there is no such ticket. */
export async function closeTicket(db: Queryable, id: string): Promise<boolean> {
  const rows = await db`update tickets set status = 'closed' where id = ${id} returning id`;
  return rows.length > 0;
}
