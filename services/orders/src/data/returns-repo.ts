/** SQL of return requests and their photos. */
import type { ReturnStatus } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export interface ReturnLine {
  lineId: string;
  title: string;
  quantity: number;
  reason: 'damaged' | 'not_as_described' | 'wrong_item' | 'size_or_fit' | 'changed_mind' | 'other';
}

export interface ReturnRow {
  id: string;
  order_id: string;
  customer_id: string;
  seller_ids: string[];
  status: ReturnStatus;
  lines: ReturnLine[];
  comment: string;
  photo_ids: string[];
  refund_amount: string | null;
  /** The refund's gift card part, per card (the rest, `refund_amount`, goes through payment). */
  gift_card_refunds: Array<{ code: string; amount: number }>;
  refund_to: 'card' | 'wallet';
  tracking_number: string | null;
  decision_note: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function returnsOfOrder(db: Queryable, orderId: string): Promise<ReturnRow[]> {
  return db<ReturnRow[]>`select * from returns where order_id = ${orderId} order by created_at`;
}

export async function findReturn(db: Queryable, id: string, lock = false): Promise<ReturnRow | undefined> {
  const [row] = lock
    ? await db<ReturnRow[]>`select * from returns where id = ${id} for update`
    : await db<ReturnRow[]>`select * from returns where id = ${id}`;
  return row;
}

/** Moves a return only from one of `from`; undefined when it was elsewhere. */
export async function moveReturn(
  db: Queryable,
  id: string,
  from: readonly ReturnStatus[],
  to: ReturnStatus,
  fields: { decisionNote?: string | null; trackingNumber?: string; refundAmount?: number } = {},
): Promise<ReturnRow | undefined> {
  const [row] = await db<ReturnRow[]>`
    update returns set status = ${to}, updated_at = now(),
      decision_note = coalesce(${fields.decisionNote ?? null}, decision_note),
      tracking_number = coalesce(${fields.trackingNumber ?? null}, tracking_number),
      refund_amount = coalesce(${fields.refundAmount ?? null}, refund_amount)
    where id = ${id} and status in ${db(from as ReturnStatus[])}
    returning *`;
  return row;
}
