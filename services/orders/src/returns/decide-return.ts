/**
 * The seller (their own lines) or an admin approves or rejects a return. Approval announces
 * `orders.return.approved.v1`: shipping opens the return shipment, stock expects the goods back.
 */
import { ReturnApproved, type ReturnRequest } from '@sauda/contracts';
import { appendEvent, type Principal, type Tx } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { findOrder, noteStep, orderLines } from '../data/orders-repo.ts';
import { findReturn, moveReturn } from '../data/returns-repo.ts';
import { ReturnDecided, ReturnNotFound } from '../errors.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { photoUrl, returnView } from '../orders/order-view.ts';

/** Approves (`approve`) or rejects with a note; a seller sees only returns of their own lines. */
export async function decideReturn(
  ctx: OrdersContext,
  tx: Tx,
  caller: Principal,
  returnId: string,
  decision: { approve: boolean; note?: string | undefined },
): Promise<ReturnRequest> {
  const ret = await findReturn(tx, returnId, true);
  const staff = caller.roles.includes('admin') || caller.roles.includes('support');
  if (!ret || (!staff && !ret.seller_ids.includes(caller.id))) throw new ReturnNotFound();
  if (ret.status !== 'requested') throw new ReturnDecided();
  const order = await findOrder(tx, ret.order_id);
  if (!order) throw new ReturnNotFound();
  if (!decision.approve) {
    const moved = await moveReturn(tx, ret.id, ['requested'], 'rejected', {
      decisionNote: decision.note ?? '',
    });
    await noteStep(tx, order.id, 'return', 'failed', `${ret.id} rejected by ${caller.id}`);
    await notifyCustomer(tx, order.id, 'return_rejected', { fact: ret.id });
    return returnView(moved ?? ret, order, photoUrl);
  }
  const moved = await moveReturn(tx, ret.id, ['requested'], 'approved', {
    decisionNote: decision.note ?? null,
  });
  if (!moved) throw new ReturnDecided();
  const lines = new Map((await orderLines(tx, order.id)).map((l) => [l.id, l]));
  const depotId = ret.lines.map((l) => lines.get(l.lineId)?.depot_id).find((d): d is string => Boolean(d));
  await appendEvent(tx, ReturnApproved, {
    returnId: ret.id,
    orderId: order.id,
    orderNumber: order.number,
    customerId: order.customer_id,
    pickupAddress: order.shipping_address,
    lines: ret.lines.map((l) => ({
      lineId: l.lineId,
      variantId: lines.get(l.lineId)?.variant_id ?? l.lineId,
      sellerId: lines.get(l.lineId)?.seller_id ?? ret.seller_ids[0] ?? '',
      quantity: l.quantity,
    })),
    ...(depotId ? { depotId } : {}),
    approvedAt: ctx.now().toISOString(),
  });
  await noteStep(tx, order.id, 'return', 'succeeded', `${ret.id} approved by ${caller.id}`);
  await notifyCustomer(tx, order.id, 'return_approved', { fact: ret.id });
  return returnView(moved, order, photoUrl);
}
