/** Commission rates set by admin: a default, per category, per seller (the most specific wins). */
import type { CommissionRate } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { BadRequest } from '@sauda/kit';

const NONE = '00000000-0000-0000-0000-000000000000';

/** Every rate. */
export async function listCommissionRates(db: Queryable): Promise<CommissionRate[]> {
  const rows = await db<{ scope: CommissionRate['scope']; subject_id: string; basis_points: number }[]>`
    select scope, subject_id, basis_points from commission_rates order by scope, subject_id`;
  return rows.map((r) => ({
    scope: r.scope,
    ...(r.subject_id !== NONE ? { subjectId: r.subject_id } : {}),
    basisPoints: r.basis_points,
  }));
}

/** Sets one rate; category and seller rates need the subject's id, the default must not have one. */
export async function setCommissionRate(db: Queryable, rate: CommissionRate): Promise<CommissionRate> {
  if ((rate.scope === 'default') !== (rate.subjectId === undefined))
    throw new BadRequest(
      'subjectId is required for category and seller rates, and not allowed for the default',
    );
  await db`
    insert into commission_rates (scope, subject_id, basis_points) values (${rate.scope}, ${rate.subjectId ?? NONE}, ${rate.basisPoints})
    on conflict (scope, subject_id) do update set basis_points = excluded.basis_points, updated_at = now()`;
  return rate;
}
