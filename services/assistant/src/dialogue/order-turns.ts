/**
 * Turns about the customer's orders: status and tracking, cancellation, returns. Every lookup goes
 * through `orders` with the customer's own token, so another customer's order is simply not found.
 */
import type { Order } from '@sauda/contracts';
import type { Lang } from '../nlu/normalize.ts';
import { fold } from '../nlu/normalize.ts';
import type { Reading } from '../nlu/nlu.ts';
import { formatMoney, say, statusWord } from './replies.ts';
import { orderSuggestions } from './suggestions.ts';
import type { DialogueState, Tools, TurnResult, TurnContext } from './types.ts';

const base = (
  reading: Reading,
  intent: TurnResult['intent'],
  state: DialogueState,
  reply = '',
): TurnResult => ({
  intent,
  slots: reading.slots,
  reply,
  products: [],
  actions: [],
  suggestions: [],
  state,
});

type Found = { order: Order } | { reply: string };

/** The order a message means: its code, else the one in the conversation, else the latest. */
async function findOrder(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
  pick?: (o: Order) => boolean,
): Promise<Found> {
  const list = await tools.orders();
  if (list === null) return { reply: say('signIn', lang) };
  const ref = reading.slots.order_ref;
  if (ref) {
    const summary = list.find((o) => o.number.toUpperCase() === ref);
    const order = summary ? await tools.order(summary.id) : null;
    return order ? { order } : { reply: say('orderNotFound', lang, { ref }) };
  }
  if (list.length === 0) return { reply: say('noOrders', lang) };
  const newestFirst = [...list].sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  const inFocus = state.orderId ? newestFirst.find((o) => o.id === state.orderId) : undefined;
  for (const summary of inFocus ? [inFocus, ...newestFirst] : newestFirst) {
    const order = await tools.order(summary.id);
    if (order && (!pick || pick(order))) return { order };
    if (!pick) break;
  }
  const latest = newestFirst[0];
  const order = latest ? await tools.order(latest.id) : null;
  return order ? { order } : { reply: say('noOrders', lang) };
}

/** Where the order is: its status, promised date and each parcel's tracking. */
export async function orderStatusTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  ctx: TurnContext,
): Promise<TurnResult> {
  const lang = ctx.language;
  if (reading.slots.tracking && !reading.slots.order_ref) {
    const view = await tools.tracking(reading.slots.tracking);
    const reply = view
      ? say('tracking', lang, {
          tracking: view.trackingNumber,
          status: statusWord(view.status, lang),
          eta: view.eta
            ? say('etaWindow', lang, { from: view.eta.from.slice(11, 16), to: view.eta.to.slice(11, 16) })
            : '',
        })
      : say('orderNotFound', lang, { ref: reading.slots.tracking });
    return base(reading, 'order_status', state, reply);
  }
  const found = await findOrder(reading, state, tools, lang);
  if ('reply' in found) return base(reading, 'order_status', state, found.reply);
  const { order } = found;
  const lines = [
    say('orderStatus', lang, {
      number: order.number,
      status: statusWord(order.status, lang),
      date: order.delivery.promisedDate,
    }),
  ];
  const numbers = order.sellerOrders
    .flatMap((s) => s.parcels.map((p) => p.trackingNumber))
    .filter((n): n is string => Boolean(n));
  for (const number of numbers.slice(0, 3)) {
    const view = await tools.tracking(number);
    if (!view) continue;
    const eta = view.eta
      ? say('etaWindow', lang, { from: view.eta.from.slice(11, 16), to: view.eta.to.slice(11, 16) })
      : '';
    lines.push(say('tracking', lang, { tracking: number, status: statusWord(view.status, lang), eta }));
  }
  return {
    ...base(reading, 'order_status', { ...state, orderId: order.id }, lines.join(' ')),
    suggestions: orderSuggestions(lang),
  };
}

/** Proposes cancelling the order; `orders` cancels it only when the customer confirms. */
export async function cancelOrderTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  ctx: TurnContext,
): Promise<TurnResult> {
  const lang = ctx.language;
  const found = await findOrder(reading, state, tools, lang, (o) => o.cancellable);
  if ('reply' in found) return base(reading, 'cancel_order', state, found.reply);
  const { order } = found;
  const next = { ...state, orderId: order.id };
  if (!order.cancellable)
    return base(
      reading,
      'cancel_order',
      next,
      say('cannotCancel', lang, { number: order.number, status: statusWord(order.status, lang) }),
    );
  return {
    ...base(
      reading,
      'cancel_order',
      next,
      say('cancelConfirm', lang, {
        number: order.number,
        total: formatMoney(order.totals.total.amount, order.totals.total.currency),
      }),
    ),
    actions: [
      {
        kind: 'cancel_order',
        label: {
          en: `Cancel ${order.number}`,
          ru: `Отменить ${order.number}`,
          kk: `${order.number} болдырмау`,
        }[lang],
        params: { orderId: order.id, number: order.number },
      },
    ],
  };
}

function reasonOf(text: string): 'damaged' | 'size_or_fit' | 'wrong_item' | 'not_as_described' | 'other' {
  const folded = fold(text);
  if (/damag|broken|defect|брак|слома|поврежд|сынық|сынған|бүлінген|ақаулы/.test(folded)) return 'damaged';
  if (/size|fit|small|big|размер|мал|велик|өлшем|кішкентай|үлкен/.test(folded)) return 'size_or_fit';
  if (/wrong|не тот|не то|басқа/.test(folded)) return 'wrong_item';
  if (/not as described|не соответств|сипаттамаға сай емес/.test(folded)) return 'not_as_described';
  return 'other';
}

/** Proposes a return of the order's returnable lines; `orders` opens it only when the customer confirms. */
export async function returnTurn(
  text: string,
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  ctx: TurnContext,
): Promise<TurnResult> {
  const lang = ctx.language;
  const found = await findOrder(reading, state, tools, lang, (o) => o.returnableLineIds.length > 0);
  if ('reply' in found) return base(reading, 'return_request', state, found.reply);
  const { order } = found;
  const next = { ...state, orderId: order.id };
  const lines = order.lines
    .filter((line) => order.returnableLineIds.includes(line.id))
    .map((line) => ({ line, quantity: line.quantity - line.cancelledQuantity - line.returnedQuantity }))
    .filter(({ quantity }) => quantity > 0);
  if (lines.length === 0)
    return base(reading, 'return_request', next, say('cannotReturn', lang, { number: order.number }));
  const reason = reasonOf(text);
  return {
    ...base(
      reading,
      'return_request',
      next,
      say('returnConfirm', lang, {
        number: order.number,
        items: lines.map(({ line, quantity }) => `${line.title} × ${quantity}`).join(', '),
      }),
    ),
    actions: [
      {
        kind: 'return_request',
        label: { en: 'Start the return', ru: 'Оформить возврат', kk: 'Қайтаруды бастау' }[lang],
        params: {
          orderId: order.id,
          number: order.number,
          lines: lines.map(({ line, quantity }) => ({ lineId: line.id, quantity, reason })),
        },
      },
    ],
  };
}
