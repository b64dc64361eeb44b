/**
 * The offline dialogue manager: reads the message (intent + slots), keeps the state of the session and
 * answers through the tools. Only the customer's own words choose what happens; product data never does.
 */
import type { Lang } from '../nlu/normalize.ts';
import type { Nlu } from '../nlu/nlu.ts';
import { deliveryTurn, greetingTurn, handoffTurn, otherTurn, paymentTurn, policyTurn } from './info-turns.ts';
import { cancelOrderTurn, orderStatusTurn, returnTurn } from './order-turns.ts';
import { addToCartTurn, compareTurn, questionTurn, recommendTurn } from './product-turns.ts';
import { isRefinement, searchTurn, type CategoryNames } from './search-turn.ts';
import type { DialogueState, Tools, TurnContext, TurnResult } from './types.ts';

/** Below this confidence the classifier's "other" or "greeting" yields to a catalog match. */
const UNSURE = 0.4;

export interface Engine {
  nlu: Nlu;
  names: CategoryNames;
}

/** Answers one message in the session's state. */
export async function answerTurn(
  engine: Engine,
  text: string,
  state: DialogueState,
  tools: Tools,
  ctx: TurnContext,
): Promise<TurnResult> {
  const reading = engine.nlu.read(text);
  const lang: Lang = ctx.language;
  const { names } = engine;
  // "cheaper", "only Samsung", "in black" after a list narrow it, whatever the classifier thought.
  const orderIntents = [
    'order_status',
    'cancel_order',
    'return_request',
    'add_to_cart',
    'compare',
    'product_question',
  ];
  if (!orderIntents.includes(reading.intent) && isRefinement(reading, state))
    return searchTurn(text, reading, state, tools, lang, names);
  // Unsure, and the words name products the catalog has ("felt slippers"): it is a search.
  if (
    reading.confidence < UNSURE &&
    ['other', 'greeting'].includes(reading.intent) &&
    tools.search({ text, filters: {}, limit: 1, requireMatch: true }).hits.length > 0
  )
    return searchTurn(text, { ...reading, intent: 'product_search' }, state, tools, lang, names);
  switch (reading.intent) {
    case 'product_search':
      return searchTurn(text, reading, state, tools, lang, names);
    case 'product_question':
      return questionTurn(text, reading, state, tools, lang, names);
    case 'compare':
      return compareTurn(reading, state, tools, lang, names);
    case 'recommend':
      return recommendTurn(reading, state, tools, lang, names);
    case 'add_to_cart':
      return addToCartTurn(reading, state, tools, lang);
    case 'order_status':
      return orderStatusTurn(reading, state, tools, ctx);
    case 'cancel_order':
      return cancelOrderTurn(reading, state, tools, ctx);
    case 'return_request':
      return returnTurn(text, reading, state, tools, ctx);
    case 'delivery_info':
      return deliveryTurn(reading, state, tools, lang);
    case 'payment_info':
      return paymentTurn(reading, state, tools, lang);
    case 'policy_question':
      return policyTurn(text, reading, state, lang);
    case 'human_handoff':
      return handoffTurn(text, reading, state, lang);
    case 'greeting':
      return greetingTurn(text, reading, state, lang);
    case 'other':
      return otherTurn(reading, state, lang);
  }
}
