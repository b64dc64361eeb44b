/** A customer asks to return some delivered lines, within the return window, with reasons and photos. */
import type { NewReturn, ReturnRequest } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrdersContext } from '../context.ts';
import { findOrder, orderLines, sellerOrdersOf, type OrderRow } from '../data/orders-repo.ts';
import { OrderNotFound, PhotoNotFound, ReturnNotAllowed } from '../errors.ts';
import { photoUrl, returnView, returnableLineIds } from '../orders/order-view.ts';

/** Records the request (status `requested`); the seller or an admin decides. */
export async function requestReturn(
  ctx: OrdersContext,
  tx: Tx,
  customerId: string,
  orderId: string,
  input: NewReturn,
): Promise<ReturnRequest> {
  const order: OrderRow | undefined = await findOrder(tx, orderId, true);
  if (!order || order.customer_id !== customerId) throw new OrderNotFound();
  const lines = await orderLines(tx, orderId);
  const parts = await sellerOrdersOf(tx, orderId);
  const [delivered] = await tx<{ at: Date }[]>`
    select max(at) as at from order_history where order_id = ${orderId} and status = 'delivered'`;
  const allowed = new Set(
    returnableLineIds(
      order,
      lines,
      parts,
      delivered?.at ?? undefined,
      ctx.settings.returnWindowDays,
      ctx.now(),
    ),
  );
  // Units already asked for in open requests count against what may still be returned.
  const pending = await tx<{ line_id: string; quantity: number }[]>`
    select (l->>'lineId')::uuid as line_id, sum((l->>'quantity')::int)::int as quantity
    from returns r, jsonb_array_elements(r.lines) l
    where r.order_id = ${orderId} and r.status in ('requested', 'approved', 'in_transit', 'received')
    group by 1`;
  const asked = new Map(pending.map((p) => [p.line_id, p.quantity]));
  const byId = new Map(lines.map((l) => [l.id, l]));
  for (const wanted of input.lines) {
    const line = byId.get(wanted.lineId);
    const left = line
      ? line.quantity - line.cancelled_quantity - line.returned_quantity - (asked.get(line.id) ?? 0)
      : 0;
    if (!line || !allowed.has(line.id) || wanted.quantity > left)
      throw new ReturnNotAllowed(line ? `at most ${Math.max(left, 0)} of this line` : 'not on this order');
  }
  const photoIds = input.photoIds ?? [];
  if (photoIds.length) {
    const mine = await tx<{ id: string }[]>`
      select id from return_photos where id in ${tx(photoIds)} and customer_id = ${customerId}`;
    if (mine.length !== new Set(photoIds).size) throw new PhotoNotFound();
  }
  const returnLines = input.lines.map((l) => ({
    lineId: l.lineId,
    title: byId.get(l.lineId)?.title ?? '',
    quantity: l.quantity,
    reason: l.reason,
  }));
  const sellerIds = [...new Set(input.lines.map((l) => byId.get(l.lineId)?.seller_id ?? ''))];
  const [row] = await tx`
    insert into returns (id, order_id, customer_id, seller_ids, status, lines, comment, photo_ids, refund_to)
    values (${uuidv7()}, ${orderId}, ${customerId}, ${sellerIds}, 'requested', ${JSON.stringify(returnLines)}::text::jsonb,
            ${input.comment ?? ''}, ${photoIds}, ${input.refundTo ?? 'card'})
    returning *`;
  return returnView(row as never, order, photoUrl);
}
