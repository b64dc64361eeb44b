/** Conversations: the dialogue state and a short transcript per session. */
import type { Queryable } from '@sauda/kit';
import type { DialogueState } from '../dialogue/types.ts';
import type { Lang } from '../nlu/normalize.ts';

export interface TranscriptEntry {
  role: 'customer' | 'assistant';
  text: string;
  at: string;
}

export interface SessionRow {
  id: string;
  customerId: string | null;
  language: Lang;
  state: DialogueState;
  transcript: TranscriptEntry[];
}

/** Transcript entries kept per session (what a hand-over ticket carries). */
const TRANSCRIPT_KEEP = 20;

/** One session by id, or undefined. */
export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const [row] = await db<SessionRow[]>`
    select id, customer_id as "customerId", language, state, transcript from sessions where id = ${id}`;
  return row;
}

/** Creates or updates a session after a turn (the customer, once known, stays attached). */
export async function saveSession(
  db: Queryable,
  session: SessionRow,
  added: TranscriptEntry[],
): Promise<void> {
  const transcript = [...session.transcript, ...added].slice(-TRANSCRIPT_KEEP);
  await db`
    insert into sessions (id, customer_id, language, state, transcript)
    values (${session.id}, ${session.customerId}, ${session.language}, ${db.json(session.state as never)}, ${db.json(transcript as never)})
    on conflict (id) do update set
      customer_id = coalesce(sessions.customer_id, excluded.customer_id),
      language = excluded.language,
      state = excluded.state,
      transcript = excluded.transcript,
      updated_at = now()`;
}
