/** Proposed actions: written with the answer, run at most once, only by the customer who got them. */
import type { Queryable } from '@sauda/kit';
import type { ActionDraft, ActionKind } from '../dialogue/types.ts';

export interface ActionRow {
  id: string;
  sessionId: string;
  customerId: string | null;
  kind: ActionKind;
  params: Record<string, unknown>;
  label: string;
  status: 'proposed' | 'running' | 'done' | 'failed';
  expiresAt: Date;
}

/** Stores the drafts of one answer; returns them with ids and expiry. */
export async function proposeActions(
  db: Queryable,
  sessionId: string,
  customerId: string | null,
  drafts: Array<ActionDraft & { id: string }>,
  ttlMs: number,
): Promise<ActionRow[]> {
  const rows: ActionRow[] = [];
  for (const draft of drafts) {
    const [row] = await db<ActionRow[]>`
      insert into actions (id, session_id, customer_id, kind, params, label, expires_at)
      values (${draft.id}, ${sessionId}, ${customerId}, ${draft.kind}, ${db.json(draft.params as never)}, ${draft.label},
              now() + ${ttlMs} * interval '1 millisecond')
      returning id, session_id as "sessionId", customer_id as "customerId", kind, params, label, status, expires_at as "expiresAt"`;
    if (row) rows.push(row);
  }
  return rows;
}

/** One action by id. */
export async function findAction(db: Queryable, id: string): Promise<ActionRow | undefined> {
  const [row] = await db<ActionRow[]>`
    select id, session_id as "sessionId", customer_id as "customerId", kind, params, label, status, expires_at as "expiresAt"
    from actions where id = ${id}`;
  return row;
}

/** Claims a proposed, unexpired action for running: one guarded statement, so a double click runs it once. */
export async function claimAction(db: Queryable, id: string): Promise<ActionRow | undefined> {
  const [row] = await db<ActionRow[]>`
    update actions set status = 'running', confirmed_at = now()
    where id = ${id} and status = 'proposed' and expires_at > now()
    returning id, session_id as "sessionId", customer_id as "customerId", kind, params, label, status, expires_at as "expiresAt"`;
  return row;
}

/** Records how a claimed action ended. */
export async function finishAction(
  db: Queryable,
  id: string,
  status: 'done' | 'failed',
  result: unknown,
): Promise<void> {
  await db`update actions set status = ${status}, result = ${db.json((result ?? null) as never)} where id = ${id}`;
}
