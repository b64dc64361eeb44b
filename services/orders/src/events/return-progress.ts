/**
 * A return after approval: the return shipment moves (in transit, then received back), the warehouse
 * inspects it (`stock.return.inspected.v1`) and the refund follows through the settle step.
 */
import type { EventData, ReturnInspected, ShipmentStatusChanged } from '@sauda/contracts';
import type { EventHandler, Tx } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { findOrder, noteStep, orderLines, scheduleSaga } from '../data/orders-repo.ts';
import { findReturn, moveReturn } from '../data/returns-repo.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { unitsValue } from '../orders/money.ts';
import { takeBack } from '../orders/take-back.ts';

/** Reasons where a damaged item is still refunded: the damage is not the customer's doing. */
const OUR_FAULT = new Set(['damaged', 'not_as_described', 'wrong_item']);

/** Follows the return shipment of a return (`returnId`). */
export async function onReturnShipment(
  _ctx: OrdersContext,
  tx: Tx,
  data: EventData<typeof ShipmentStatusChanged>,
): Promise<void> {
  if (!data.returnId) return;
  if (['accepted', 'in_transit', 'return_in_transit', 'out_for_delivery'].includes(data.status))
    await moveReturn(tx, data.returnId, ['approved'], 'in_transit', { trackingNumber: data.trackingNumber });
  if (['delivered', 'returned_to_sender'].includes(data.status))
    await moveReturn(tx, data.returnId, ['approved', 'in_transit'], 'received', {
      trackingNumber: data.trackingNumber,
    });
}

/** Prices the refund from the inspection and makes the settle step due. */
export function onReturnInspected(ctx: OrdersContext): EventHandler<typeof ReturnInspected> {
  return async (event, tx) => {
    const ret = await findReturn(tx, event.data.returnId, true);
    const order = await findOrder(tx, event.data.orderId, true);
    if (!ret || !order || ['refunded', 'refused_after_inspection', 'rejected'].includes(ret.status)) return;
    const lines = new Map((await orderLines(tx, order.id)).map((l) => [l.id, l]));
    const reasons = new Map(ret.lines.map((l) => [l.lineId, l.reason]));
    // The warehouse inspects whole parcels: only the units the customer asked to return are refunded.
    const asked = new Map(ret.lines.map((l) => [l.lineId, l.quantity]));
    let value = 0;
    for (const inspected of event.data.lines) {
      const line = lines.get(inspected.lineId);
      if (!line) continue;
      const refundable = inspected.condition === 'resellable' || OUR_FAULT.has(reasons.get(line.id) ?? '');
      if (!refundable) continue;
      const units = Math.min(
        inspected.quantity,
        asked.get(line.id) ?? 0,
        line.quantity - line.cancelled_quantity - line.returned_quantity,
      );
      if (units <= 0) continue;
      const worth = unitsValue(
        Number(line.total),
        line.quantity,
        line.cancelled_quantity + line.returned_quantity,
        units,
      );
      asked.set(line.id, (asked.get(line.id) ?? 0) - units);
      line.returned_quantity += units;
      value += worth;
      await tx`update order_lines set returned_quantity = returned_quantity + ${units} where id = ${line.id}`;
    }
    if (value === 0) {
      await moveReturn(tx, ret.id, ['approved', 'in_transit', 'received'], 'refused_after_inspection', {
        decisionNote: 'Not refundable after inspection',
        refundAmount: 0,
      });
      await noteStep(tx, order.id, 'inspect_return', 'failed', `${ret.id}: nothing refundable`);
      await notifyCustomer(tx, order.id, 'return_refused', { fact: ret.id });
      return;
    }
    // The returned value splits between the payment and the gift cards spent on the order (issue 13).
    const { paid, giftCards } = await takeBack(tx, order.id, value);
    await moveReturn(tx, ret.id, ['approved', 'in_transit', 'received'], 'received', { refundAmount: paid });
    await tx`update returns set gift_card_refunds = ${tx.json(giftCards)} where id = ${ret.id}`;
    const gift = giftCards.reduce((sum, g) => sum + g.amount, 0);
    await noteStep(
      tx,
      order.id,
      'inspect_return',
      'succeeded',
      `${ret.id}: refund ${paid} + gift cards ${gift}`,
    );
    await notifyCustomer(tx, order.id, 'return_received', { fact: ret.id });
    await scheduleSaga(tx, order.id, 'settle', ctx.now());
  };
}
