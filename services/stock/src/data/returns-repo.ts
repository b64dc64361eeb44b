/** Returned parcels as the returns desk reads them. */
import type { ReturnInspection } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { ReturnNotFound } from '../errors.ts';

/** One return of the depot with its lines; RETURN_NOT_FOUND otherwise. */
export async function getReturn(db: Queryable, depotId: string, id: string): Promise<ReturnInspection> {
  const [row] = await db<
    {
      id: string;
      parcel_id: string;
      code: string;
      order_id: string;
      status: ReturnInspection['status'];
      created_at: Date;
    }[]
  >`
    select r.id, r.parcel_id, p.code, p.order_id, r.status, r.created_at
    from returns r join parcels p on p.id = r.parcel_id where r.id = ${id} and r.depot_id = ${depotId}`;
  if (!row) throw new ReturnNotFound();
  const lines = await db<ReturnInspection['lines']>`
    select rl.line_id as "lineId", rl.variant_id as "variantId", coalesce(s.sku, '') as sku,
           coalesce(s.title, '') as title, rl.quantity, rl.restocked, rl.written_off as "writtenOff"
    from return_lines rl left join skus s on s.variant_id = rl.variant_id
    where rl.return_id = ${id} order by s.sku`;
  return {
    id: row.id,
    parcelId: row.parcel_id,
    parcelCode: row.code,
    orderId: row.order_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    lines,
  };
}
