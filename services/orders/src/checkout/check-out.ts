/**
 * `POST /checkout`: the saga's first step, synchronously. The calls to other services (address, depots,
 * authoritative quote, seller names) are made first, outside any transaction, so a slow service never holds
 * a database connection; then, in one transaction under the Idempotency-Key, the cart is checked to be the
 * one quoted, the order stored `pending` with its lines, and the cart emptied. The rest of the saga runs
 * after the answer (the runner is kicked by the commit).
 */
import type { CheckoutRequest, Order } from '@sauda/contracts';
import {
  AppError,
  storedAnswer,
  withIdempotency,
  type IdempotentAnswer,
  type IdempotentRequest,
  type Principal,
  type Tx,
} from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { callerAddress } from '../cart/list-delivery-options.ts';
import type { OrdersContext } from '../context.ts';
import {
  customerCart,
  customerCartItems,
  emptyCart,
  loadCustomerCart,
  type CartItemRow,
  type CartRow,
} from '../data/carts-repo.ts';
import { noteHistory, noteStep, scheduleSaga, soldProduct } from '../data/orders-repo.ts';
import { addressSnapshot } from '../delivery/address-snapshot.ts';
import { deliveryOptions } from '../delivery/delivery-options.ts';
import {
  CartChanged,
  CartEmpty,
  DeliveryOptionInvalid,
  ItemsUnavailable,
  PaymentMethodInvalid,
} from '../errors.ts';
import { newOrderNumber } from '../orders/order-number.ts';
import { orderView } from '../orders/order-view.ts';
import { notifyCustomer, type MailRecipient } from '../notifications/notify-customer.ts';
import { checkoutSteps, ordersPlaced } from './checkout-metrics.ts';
import { placementStatements } from './steps/place-order.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who checks out, with what. */
export interface Checkout {
  caller: Principal;
  token: string;
  locale: 'en' | 'ru' | 'kk';
  key: string;
  body: CheckoutRequest;
}

/** Creates the order once per key; a replay answers the order as it is now. */
export async function checkOut(
  ctx: OrdersContext,
  input: Checkout,
): Promise<{ order: Order; replayed: boolean }> {
  const request = { scope: `checkout:${input.caller.id}`, key: input.key, fingerprint: input.body };
  const answer = await replayOrCreate(ctx, input, request).catch((error: unknown) => {
    // Refused checkouts (empty cart, items gone, bad delivery option) are the funnel's first drop.
    if (error instanceof AppError) checkoutSteps.inc({ step: 'checkout', outcome: 'rejected' });
    throw error;
  });
  const options = { returnWindowDays: ctx.settings.returnWindowDays, now: ctx.now() };
  if (!answer.replayed) {
    ordersPlaced.inc();
    checkoutSteps.inc({ step: 'checkout', outcome: 'placed' });
    if (answer.body.placed) checkoutSteps.inc({ step: 'place', outcome: 'succeeded' });
    // No kick: scheduling the first step notified the runners when the order committed.
  }
  return { order: await orderView(ctx.db, answer.body.orderId, options), replayed: answer.replayed };
}

async function replayOrCreate(
  ctx: OrdersContext,
  input: Checkout,
  request: IdempotentRequest,
): Promise<IdempotentAnswer<{ orderId: string; placed?: boolean }>> {
  const earlier = await storedAnswer<{ orderId: string; placed?: boolean }>(ctx.db, request);
  if (earlier) return earlier;
  const prepared = await prepareOrder(ctx, input);
  return withIdempotency(ctx.db, request, async (tx) => ({
    status: 202,
    body: await createOrder(ctx, tx, input, prepared),
  }));
}

async function paymentToken(ctx: OrdersContext, input: Checkout): Promise<string | null> {
  const { method, token } = input.body.payment;
  if (method === 'wallet' || method === 'cod') return null;
  if (!token) throw new PaymentMethodInvalid();
  if (method === 'saved_card' && UUID.test(token)) {
    const saved = (await ctx.users.paymentMethods(input.token)).find((m) => m.id === token);
    if (!saved) throw new PaymentMethodInvalid();
    return saved.token;
  }
  return token;
}

/** What the order is made of, gathered from the other services before the transaction. */
interface Prepared {
  cartSignature: string;
  shippingAddress: ReturnType<typeof addressSnapshot>;
  token: string | null;
  quote: Awaited<ReturnType<OrdersContext['shop']['quote']>>;
  delivery: ReturnType<typeof deliveryOptions>[number];
  names: Map<string, string>;
}

/** The cart's content as the quote saw it: lines, promo codes and gift cards. */
function signatureOf(cart: CartRow, items: CartItemRow[]): string {
  return JSON.stringify([
    items.map((i) => `${i.variant_id}×${i.quantity}`).sort(),
    [...cart.promo_codes].sort(),
    [...cart.gift_cards].sort(),
  ]);
}

async function prepareOrder(ctx: OrdersContext, input: Checkout): Promise<Prepared> {
  const customerId = input.caller.id;
  const cart = await loadCustomerCart(ctx.db, customerId);
  const items = cart?.items ?? [];
  if (!cart || items.length === 0) throw new CartEmpty();
  const [address, depots, token, quote] = await Promise.all([
    callerAddress(ctx, input.token, input.body.shippingAddressId),
    ctx.stock.depots().catch(() => []),
    paymentToken(ctx, input),
    ctx.shop.quote({
      lines: items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity })),
      ...(cart.promo_codes.length ? { promoCodes: cart.promo_codes } : {}),
      ...(cart.gift_cards.length ? { giftCards: cart.gift_cards } : {}),
      customerId,
    }),
  ]);
  const shippingAddress = addressSnapshot(address, depots);
  if (!quote.allAvailable) throw new ItemsUnavailable();
  const weight = quote.lines.reduce((sum, l) => sum + (l.weightGrams ?? 0) * l.quantity, 0);
  const options = deliveryOptions({
    address: shippingAddress,
    depots,
    weightGrams: weight,
    currency: quote.currency,
    freeShipping: quote.freeShipping,
    now: ctx.now(),
  });
  const delivery = options.find((o) => o.id === (input.body.deliveryOptionId ?? 'standard'));
  if (!delivery) throw new DeliveryOptionInvalid();
  const names = new Map(
    await Promise.all(
      quote.sellers.map(async (s) => [s.sellerId, await ctx.users.sellerName(s.sellerId)] as const),
    ),
  );
  return { cartSignature: signatureOf(cart, items), shippingAddress, token, quote, delivery, names };
}

/** Stores the order; `placed` when the placement went out with it (no codes to reserve first). */
async function createOrder(
  ctx: OrdersContext,
  tx: Tx,
  input: Checkout,
  prepared: Prepared,
): Promise<{ orderId: string; placed: boolean }> {
  const customerId = input.caller.id;
  // The upsert locks the cart row: a concurrent change waits, and what was quoted must still be the cart.
  const [cart, items] = await Promise.all([customerCart(tx, customerId), customerCartItems(tx, customerId)]);
  if (items.length === 0) throw new CartEmpty();
  if (signatureOf(cart, items) !== prepared.cartSignature) throw new CartChanged();
  const { shippingAddress, token, quote, delivery, names } = prepared;
  const orderId = uuidv7();
  const giftCards = quote.giftCards
    .filter((g) => g.usable && g.amount.amount > 0)
    .map((g) => ({ code: g.code, amount: g.amount.amount }));
  const needsCodes = quote.appliedPromoCodes.length > 0 || giftCards.length > 0;
  const recipient: MailRecipient = {
    number: newOrderNumber(),
    customer_email: input.caller.email ?? null,
    customer_name: input.caller.name ?? null,
    locale: input.locale,
  };
  const lines = quote.lines.map((l, position) => ({
    id: uuidv7(),
    order_id: orderId,
    position,
    ...soldProduct(l),
    weight_grams: l.weightGrams ?? 0,
    quantity: l.quantity,
    unit_price: l.unitPrice.amount,
    total: l.total.amount,
  }));
  const placedAt = new Date();
  // Pipelined: the statements go in one round trip and run in this order (lines after their order).
  await Promise.all([
    tx`
    insert into orders ${tx({
      id: orderId,
      number: recipient.number,
      placed_at: placedAt,
      customer_id: customerId,
      customer_email: recipient.customer_email,
      customer_name: recipient.customer_name,
      locale: recipient.locale,
      status: 'pending',
      currency: quote.currency,
      shipping_address: tx.json(shippingAddress),
      delivery: tx.json({
        optionId: delivery.id,
        kind: delivery.kind,
        label: delivery.label,
        fee: delivery.fee.amount,
        promisedDate: delivery.promisedDate,
        depotId: delivery.depotId,
      }),
      payment_method: input.body.payment.method,
      payment_token: token,
      subtotal: quote.subtotal.amount,
      discount: quote.discount.amount,
      gift_card_amount: quote.giftCardAmount.amount,
      delivery_fee: delivery.fee.amount,
      vat: quote.vat.amount,
      total: quote.total.amount,
      payable: quote.payable.amount + delivery.fee.amount,
      sellers: tx.json(
        quote.sellers.map((s) => ({
          sellerId: s.sellerId,
          sellerName: names.get(s.sellerId) ?? 'Seller',
          subtotal: s.subtotal.amount,
          discount: s.discount.amount,
          total: s.total.amount,
          vat: s.vat.amount,
        })),
      ),
      promo_codes: quote.appliedPromoCodes,
      gift_cards: tx.json(giftCards),
      saga_state: needsCodes ? 'reserve_codes' : 'awaiting_stock',
    } as Record<string, unknown>)}`.execute(),
    tx`insert into order_lines ${tx(lines)}`.execute(),
    noteHistory(tx, orderId, 'pending'),
    noteStep(
      tx,
      orderId,
      'quote',
      'succeeded',
      `${quote.lines.length} lines, payable ${quote.payable.amount}`,
    ),
    emptyCart(tx, cart.id),
    // Without codes to reserve, the placement is part of the checkout: no saga round before stock hears of it.
    ...(needsCodes
      ? [scheduleSaga(tx, orderId, 'reserve_codes', ctx.now())]
      : placementStatements(tx, {
          order: {
            id: orderId,
            number: recipient.number,
            customer_id: customerId,
            placed_at: placedAt,
            shipping_address: shippingAddress,
            promo_codes: [],
            gift_cards: [],
          },
          lines,
        })),
    notifyCustomer(tx, orderId, 'placed', {}, recipient),
  ]);
  return { orderId, placed: !needsCodes };
}
