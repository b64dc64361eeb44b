/** Receipts as the receiving desk reads them. */
import type { Receipt } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { ReceiptNotFound } from '../errors.ts';

/** One receipt of the depot; RECEIPT_NOT_FOUND otherwise. */
export async function getReceipt(db: Queryable, depotId: string, id: string): Promise<Receipt> {
  const [row] = await selectReceipts(db, depotId, id);
  if (!row) throw new ReceiptNotFound();
  return toReceipt(row);
}

/** A receipt row with its SKU's name. */
export interface ReceiptRow {
  id: string;
  depot_id: string;
  variant_id: string;
  sku: string;
  title: string;
  expected: number;
  received: number | null;
  status: Receipt['status'];
  note: string;
  created_at: Date;
}

/** Receipts of the depot (one, or all): awaited first, then the latest received. */
export function selectReceipts(db: Queryable, depotId: string, id: string | null) {
  return db<ReceiptRow[]>`
    select r.id, r.depot_id, r.variant_id, coalesce(s.sku, '') as sku, coalesce(s.title, '') as title, r.expected,
           r.received, r.status, r.note, r.created_at
    from receipts r left join skus s on s.variant_id = r.variant_id
    where r.depot_id = ${depotId} and (${id}::uuid is null or r.id = ${id})
    order by r.status = 'received', r.created_at desc limit 200`;
}

/** The API shape of a receipt row. */
export function toReceipt(row: ReceiptRow): Receipt {
  return {
    id: row.id,
    depotId: row.depot_id,
    variantId: row.variant_id,
    sku: row.sku,
    title: row.title,
    expected: row.expected,
    received: row.received,
    status: row.status,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}
