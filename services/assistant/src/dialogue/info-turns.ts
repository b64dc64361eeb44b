/** Turns that answer from policies and the customer's settings: delivery, payment, policies, hand-over, small talk. */
import type { Lang } from '../nlu/normalize.ts';
import { fold } from '../nlu/normalize.ts';
import type { Reading } from '../nlu/nlu.ts';
import { policyText, policyTopic } from '../policies/policies.ts';
import { formatMoney, say } from './replies.ts';
import { startSuggestions } from './suggestions.ts';
import type { DialogueState, Tools, TurnResult } from './types.ts';

const base = (
  reading: Reading,
  intent: TurnResult['intent'],
  state: DialogueState,
  reply: string,
): TurnResult => ({
  intent,
  slots: reading.slots,
  reply,
  products: [],
  actions: [],
  suggestions: [],
  state,
});

/** Delivery options and fees for the customer's default address, else the delivery policy. */
export async function deliveryTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
): Promise<TurnResult> {
  const options = await tools.deliveryOptions().catch(() => null);
  if (!options || options.length === 0)
    return base(reading, 'delivery_info', state, policyText('delivery', lang));
  const lines = options.map(
    (o) =>
      `• ${o.label}: ${o.fee.amount === 0 ? { en: 'free', ru: 'бесплатно', kk: 'тегін' }[lang] : formatMoney(o.fee.amount, o.fee.currency)}, ${o.promisedDate}`,
  );
  return base(reading, 'delivery_info', state, `${say('deliveryOptions', lang)}\n${lines.join('\n')}`);
}

/** The payment methods, plus the customer's saved cards when signed in. */
export async function paymentTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
): Promise<TurnResult> {
  const saved = await tools.savedPaymentMethods().catch(() => null);
  const cards =
    saved && saved.length > 0
      ? ` ${say('paymentSaved', lang, { cards: saved.map((c) => `${c.brand} •••• ${c.last4}`).join(', ') })}`
      : '';
  return base(reading, 'payment_info', state, `${policyText('payment', lang)}${cards}`);
}

/** The policy the question is about. */
export function policyTurn(text: string, reading: Reading, state: DialogueState, lang: Lang): TurnResult {
  return base(reading, 'policy_question', state, policyText(policyTopic(fold(text)), lang));
}

/** Proposes handing the conversation to support; the ticket is opened only when the customer confirms. */
export function handoffTurn(text: string, reading: Reading, state: DialogueState, lang: Lang): TurnResult {
  return {
    ...base(reading, 'human_handoff', state, say('handoffConfirm', lang)),
    actions: [
      {
        kind: 'handoff',
        label: { en: 'Contact support', ru: 'Связаться с поддержкой', kk: 'Қолдау қызметіне жазу' }[lang],
        params: { summary: text.slice(0, 500) },
      },
    ],
  };
}

/** Hello and thanks. */
export function greetingTurn(text: string, reading: Reading, state: DialogueState, lang: Lang): TurnResult {
  const thanks = /thank|спасиб|рақмет|рахмет/.test(fold(text));
  return {
    ...base(reading, 'greeting', state, say(thanks ? 'thanks' : 'greeting', lang)),
    suggestions: startSuggestions(lang),
  };
}

/** Out of scope: say what the assistant can do. */
export function otherTurn(reading: Reading, state: DialogueState, lang: Lang): TurnResult {
  return { ...base(reading, 'other', state, say('other', lang)), suggestions: startSuggestions(lang) };
}
