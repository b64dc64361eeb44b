/** Writes security events to the audit log. */
import type { Queryable } from '@sauda/kit';
import { insertAudit, type AuditAction } from '../data/audit-log.ts';

/** Records one security event now (pass the transaction of the change when there is one). */
export function audit(
  sql: Queryable,
  at: Date,
  action: AuditAction,
  who: { actorId?: string | null; accountId?: string | null; ip?: string | null },
  detail?: Record<string, unknown>,
): Promise<void> {
  return insertAudit(sql, {
    action,
    at,
    actorId: who.actorId ?? who.accountId ?? null,
    accountId: who.accountId ?? null,
    ip: who.ip ?? null,
    ...(detail ? { detail } : {}),
  });
}
