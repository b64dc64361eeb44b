/** SQL repository of the security audit log (append-only). */
import type { Queryable } from '@sauda/kit';

/** The security events the log records. */
export type AuditAction =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_two_factor_failed'
  | 'logout'
  | 'refresh_token_reused'
  | 'registered'
  | 'email_verified'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'recovery_code_used'
  | 'session_revoked'
  | 'signed_out_everywhere'
  | 'role_changed'
  | 'blocked'
  | 'unblocked'
  | 'staff_assigned'
  | 'seller_applied'
  | 'seller_approved'
  | 'seller_rejected'
  | 'payment_method_added'
  | 'payment_method_removed';

export interface AuditEntry {
  action: AuditAction;
  at: Date;
  actorId: string | null;
  accountId: string | null;
  ip: string | null;
  detail?: Record<string, unknown>;
}

export interface StoredAuditEntry {
  id: string;
  at: Date;
  action: AuditAction;
  actorId: string | null;
  accountId: string | null;
  accountEmail: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** Appends one entry (inside the transaction of the change it records, where there is one). */
export async function insertAudit(sql: Queryable, entry: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (at, action, actor_id, account_id, ip, detail)
    values (${entry.at}, ${entry.action}, ${entry.actorId}, ${entry.accountId}, ${entry.ip},
            ${sql.json((entry.detail ?? {}) as never)})`;
}

/** A page of entries, newest first, optionally for one account or action. */
export async function listAudit(
  sql: Queryable,
  filter: { accountId?: string | undefined; action?: string | undefined; limit: number; offset: number },
): Promise<{ items: StoredAuditEntry[]; total: number }> {
  const where = sql`
    where (${filter.accountId ?? null}::uuid is null or l.account_id = ${filter.accountId ?? null}::uuid
           or l.actor_id = ${filter.accountId ?? null}::uuid)
      and (${filter.action ?? null}::text is null or l.action = ${filter.action ?? null})`;
  const items = await sql<StoredAuditEntry[]>`
    select l.id::text as id, l.at, l.action, l.actor_id as "actorId", l.account_id as "accountId",
           a.email as "accountEmail", host(l.ip) as ip, l.detail
    from audit_log l left join accounts a on a.id = l.account_id ${where}
    order by l.id desc limit ${filter.limit} offset ${filter.offset}`;
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log l ${where}`;
  return { items, total: count?.n ?? 0 };
}
