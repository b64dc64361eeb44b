/** Admin shipments: filtered by status, lateness, exceptions and returns, searchable, a page at a time. */
import type { ShipmentStatus, ShipmentSummary } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { localDate } from '../tracking/views.ts';

/** The list's filters. */
export interface ShipmentFilter {
  status?: ShipmentStatus;
  late?: boolean;
  exceptions?: boolean;
  returns?: boolean;
  q?: string;
  page: number;
  limit: number;
}

const FINAL = ['delivered', 'returned_to_sender', 'lost', 'cancelled'];
const TROUBLE = ['exception', 'delivery_failed', 'lost'];
// The promise no longer applies (see isLate in tracking/views.ts).
const VOID = ['cancelled', 'lost'];
const BACK = ['return_initiated', 'return_in_transit', 'returned_to_sender'];

/** One page of shipments, newest first, with the total matching. */
export async function listShipments(
  db: Queryable,
  filter: ShipmentFilter,
  now = new Date(),
): Promise<{ items: ShipmentSummary[]; total: number; page: number }> {
  const today = localDate(now);
  const q = filter.q?.trim().toUpperCase() ?? '';
  const rows = await db<Array<ShipmentSummary & { total: number }>>`
    select id, tracking_number as "trackingNumber", kind, status, status_at as "statusAt", order_id as "orderId",
      order_number as "orderNumber", recipient->>'city' as city, carrier, promised_date::text as "promisedDate",
      (status <> all(${VOID}) and not (kind = 'outbound' and status = any(${BACK}))
        and (case when status = any(${FINAL}) then (status_at at time zone 'Asia/Almaty')::date
             else ${today}::date end) > promised_date) as late,
      failed_attempts as attempts, created_at as "createdAt", count(*) over ()::int as total
    from shipments
    where (${filter.status ?? null}::text is null or status = ${filter.status ?? null})
      and (not ${filter.exceptions ?? false} or status = any(${TROUBLE}))
      and (not ${filter.returns ?? false} or kind <> 'outbound')
      and (not ${filter.late ?? false} or (status <> all(${FINAL}) and not (kind = 'outbound' and status = any(${BACK}))
           and promised_date < ${today}::date))
      and (${q} = '' or tracking_number like ${`${q}%`} or upper(order_number) like ${`${q}%`}
           or order_id::text = ${q.toLowerCase()})
    order by created_at desc, id desc
    limit ${filter.limit} offset ${(filter.page - 1) * filter.limit}`;
  return {
    items: rows.map(({ total: _total, ...row }) => ({
      ...row,
      statusAt: new Date(row.statusAt).toISOString(),
      createdAt: new Date(row.createdAt).toISOString(),
    })),
    total: rows[0]?.total ?? 0,
    page: filter.page,
  };
}
