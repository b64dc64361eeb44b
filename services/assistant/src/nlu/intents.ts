/** The documented intents of the assistant (the API's `intent` field is one of these). */
export const INTENTS = [
  'product_search',
  'product_question',
  'compare',
  'recommend',
  'order_status',
  'cancel_order',
  'return_request',
  'delivery_info',
  'payment_info',
  'policy_question',
  'add_to_cart',
  'human_handoff',
  'greeting',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

/** True for a known intent label. */
export const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);
