/** Parcels as the packing slip shows them. */
import type { Parcel, ShippingAddressSnapshot } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { ParcelNotFound } from '../errors.ts';

interface ParcelRow {
  id: string;
  code: string;
  order_id: string;
  order_number: string;
  depot_id: string;
  depot_name: string;
  depot_address: string;
  depot_city: string;
  weight_grams: number;
  length_cm: number;
  width_cm: number;
  height_cm: number;
  recipient: ShippingAddressSnapshot | null;
  created_at: Date;
}

/** A parcel of the depot by id or code; PARCEL_NOT_FOUND otherwise. */
export async function loadParcel(db: Queryable, depotId: string | null, idOrCode: string): Promise<Parcel> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [row] = await db<ParcelRow[]>`
    select p.id, p.code, p.order_id, t.order_number, p.depot_id, d.name as depot_name, d.address as depot_address,
           d.city as depot_city, p.weight_grams, p.length_cm, p.width_cm, p.height_cm,
           r.shipping_address as recipient, p.created_at
    from parcels p join pick_tasks t on t.id = p.task_id join depots d on d.id = p.depot_id
    left join reservations r on r.order_id = p.order_id
    where ${byId ? db`p.id = ${idOrCode}` : db`p.code = ${idOrCode.toUpperCase()}`}
      and (${depotId}::uuid is null or p.depot_id = ${depotId})`;
  if (!row) throw new ParcelNotFound();
  const lines = await db<Parcel['lines']>`
    select pl.line_id as "lineId", pl.variant_id as "variantId", k.sku, k.title, pl.quantity
    from parcel_lines pl join parcels p on p.id = pl.parcel_id
    join pick_lines k on k.task_id = p.task_id and k.line_id = pl.line_id
    where pl.parcel_id = ${row.id}
    order by k.sku`;
  return {
    id: row.id,
    code: row.code,
    orderId: row.order_id,
    orderNumber: row.order_number,
    depot: { id: row.depot_id, name: row.depot_name, address: row.depot_address, city: row.depot_city },
    weightGrams: row.weight_grams,
    dimensionsCm: { l: row.length_cm, w: row.width_cm, h: row.height_cm },
    recipient: row.recipient,
    lines,
    createdAt: row.created_at.toISOString(),
  };
}
