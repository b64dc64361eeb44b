/**
 * Step: reserve the promo codes the quote applied and spend the gift cards, through shop (idempotent by
 * order). Undo: `orders.order.cancelled.v1` — shop releases the uses and refunds the redemptions.
 */
import { UpstreamProblem, withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteStep, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';
import { failOrder } from '../fail-order.ts';

/** Runs the step; a refusal by shop (limit reached meanwhile, card spent) fails the order clearly. */
export async function reserveCodes(ctx: OrdersContext, order: OrderRow): Promise<void> {
  try {
    if (order.promo_codes.length > 0)
      await ctx.shop.reservePromos(order.id, order.customer_id, order.promo_codes);
    for (const card of order.gift_cards)
      await ctx.shop.redeemGiftCard({
        orderId: order.id,
        customerId: order.customer_id,
        code: card.code,
        amount: { amount: card.amount, currency: order.currency },
      });
  } catch (error) {
    if (!(error instanceof UpstreamProblem) || error.status >= 500) throw error;
    await withTransaction(ctx.db, (tx) =>
      failOrder(ctx, tx, order, 'promo_or_gift_card_refused', String(error.problem.code ?? error.status)),
    );
    return;
  }
  await withTransaction(ctx.db, async (tx) => {
    await noteStep(
      tx,
      order.id,
      'reserve_codes',
      'succeeded',
      [...order.promo_codes, ...order.gift_cards.map((g) => g.code)].join(', '),
    );
    await scheduleSaga(tx, order.id, 'place', ctx.now());
  });
}
