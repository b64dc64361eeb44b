/** Return lists: a seller's (returns of their lines) and the admin's (all), by status. */
import type { ReturnRequest, ReturnStatus } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import type { ReturnRow } from '../data/returns-repo.ts';
import { photoUrl, returnView } from '../orders/order-view.ts';

/** Newest first; `sellerId` limits to returns that include the seller's lines. */
export async function listReturns(
  db: Db,
  f: { sellerId?: string | undefined; status?: ReturnStatus | undefined; page: number; limit: number },
): Promise<{ items: ReturnRequest[]; total: number }> {
  const rows = await db<
    Array<ReturnRow & { number: string; currency: 'KZT' | 'USD' | 'EUR' | 'RUB'; n: number }>
  >`
    select r.*, o.number, o.currency, count(*) over ()::int as n
    from returns r join orders o on o.id = r.order_id
    where true
      ${f.sellerId ? db`and ${f.sellerId}::uuid = any(r.seller_ids)` : db``}
      ${f.status ? db`and r.status = ${f.status}` : db``}
    order by r.created_at desc
    limit ${f.limit} offset ${(f.page - 1) * f.limit}`;
  return { items: rows.map((r) => returnView(r, r, photoUrl)), total: rows[0]?.n ?? 0 };
}
