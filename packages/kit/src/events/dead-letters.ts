/** Dead letters: deliveries a consumer gave up on, kept with their error for inspection and replay. */
import type { Queryable } from '../db/db.ts';
import { isUuid } from './validate.ts';

/** One delivery given up on. */
export interface DeadLetter {
  consumer: string;
  /** The message as received: normally the whole envelope, so it can be replayed as it is. */
  message: unknown;
  error: { message: string; stack?: string | undefined };
  attempts: number;
}

/** A stored dead letter. */
export interface DeadLetterRow {
  id: string;
  consumer: string;
  event_id: string | null;
  type: string | null;
  payload: unknown;
  headers: Record<string, string>;
  error_message: string;
  error_stack: string | null;
  attempts: number;
  failed_at: Date;
}

/** Stores a dead letter; the same event dead-lettered again by the same consumer updates its row. */
export async function writeDeadLetter(db: Queryable, letter: DeadLetter): Promise<void> {
  const fields = typeof letter.message === 'object' && letter.message !== null ? letter.message : {};
  const id = 'id' in fields && isUuid(fields.id) ? fields.id : null;
  const type = 'type' in fields && typeof fields.type === 'string' ? fields.type : null;
  const headers =
    'headers' in fields && typeof fields.headers === 'object' && fields.headers ? fields.headers : {};
  await db`
    insert into dead_letters (consumer, event_id, type, payload, headers, error_message, error_stack, attempts)
    values (${letter.consumer}, ${id}, ${type},
            ${JSON.stringify(letter.message) ?? 'null'}::text::jsonb, ${JSON.stringify(headers)}::text::jsonb,
            ${letter.error.message}, ${letter.error.stack ?? null}, ${letter.attempts})
    on conflict (consumer, event_id) where event_id is not null do update set
      payload = excluded.payload, headers = excluded.headers, error_message = excluded.error_message,
      error_stack = excluded.error_stack, attempts = excluded.attempts, failed_at = now()`;
}

/** A consumer's dead letters, oldest first (for admin pages and tests). */
export async function listDeadLetters(db: Queryable, consumer: string): Promise<DeadLetterRow[]> {
  return db<DeadLetterRow[]>`
    select id::text, consumer, event_id, type, payload, headers, error_message, error_stack, attempts, failed_at
    from dead_letters where consumer = ${consumer} order by id`;
}
