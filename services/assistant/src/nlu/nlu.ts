/** The offline NLU: intent (logistic regression) plus slots (lexicon and patterns) of one message. */
import { trainLogisticRegression, type IntentModel } from './classifier.ts';
import type { LabelledRequest } from './dataset.ts';
import { featuresOf } from './features.ts';
import { isIntent, type Intent } from './intents.ts';
import { Lexicon } from './lexicon.ts';
import { detectLanguage, type Lang } from './normalize.ts';
import { understand, type Slots, type Understanding } from './slots.ts';

export interface Reading extends Understanding {
  intent: Intent;
  confidence: number;
  language: Lang;
}

/** The trained NLU: `read` is pure and deterministic for a given training set and lexicon. */
export interface Nlu {
  lexicon: Lexicon;
  model: IntentModel;
  read(text: string): Reading;
}

/** Below this confidence a message that names products is still read as a search. */
const SEARCH_FALLBACK_CONFIDENCE = 0.45;

/** Trains the intent model on the labelled requests and wires the slot extractor to the lexicon. */
export function createNlu(training: LabelledRequest[], lexicon: Lexicon = new Lexicon()): Nlu {
  const examples = training.map((example) => ({
    features: featuresOf(example.text, understand(example.text, lexicon)),
    label: example.intent,
  }));
  const model = trainLogisticRegression(examples);
  return {
    lexicon,
    model,
    read(text) {
      const understanding = understand(text, lexicon);
      const prediction = model.predict(featuresOf(text, understanding));
      let intent: Intent = isIntent(prediction.label) ? prediction.label : 'other';
      if (
        intent === 'other' &&
        prediction.confidence < SEARCH_FALLBACK_CONFIDENCE &&
        namesProducts(understanding.slots)
      )
        intent = 'product_search';
      const slots = slotsFor(intent, understanding.slots);
      return {
        ...understanding,
        slots,
        intent,
        confidence: prediction.confidence,
        language: detectLanguage(text),
      };
    },
  };
}

function namesProducts(slots: Slots): boolean {
  return Boolean(slots.category ?? slots.brand ?? slots.type);
}

const PRODUCT_SLOTS: Array<keyof Slots> = [
  'category',
  'type',
  'brand',
  'colour',
  'size',
  'attributes',
  'price_min',
  'price_max',
];

/** Slots that mean nothing for an intent are dropped ("wallet" in a payment question is no product). */
function slotsFor(intent: Intent, slots: Slots): Slots {
  const kept: Slots = { ...slots };
  if (!['product_search', 'recommend', 'add_to_cart'].includes(intent)) delete kept.sort;
  if (
    [
      'payment_info',
      'delivery_info',
      'greeting',
      'other',
      'human_handoff',
      'order_status',
      'cancel_order',
    ].includes(intent)
  )
    for (const key of PRODUCT_SLOTS) delete kept[key];
  return kept;
}
