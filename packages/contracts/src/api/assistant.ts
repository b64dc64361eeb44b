/** The public API types of `assistant`: the chat, its proposed actions and support tickets. */
import { Type, type Static } from '@sinclair/typebox';
import { Money, Timestamp, Uuid } from '../primitives.ts';

export const AssistantLanguage = Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('kk')]);
export type AssistantLanguage = Static<typeof AssistantLanguage>;

/** The documented intents (the answer's `intent` is one of these). */
export const ASSISTANT_INTENTS = [
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
export const AssistantIntent = Type.Union(ASSISTANT_INTENTS.map((intent) => Type.Literal(intent)));
export type AssistantIntent = Static<typeof AssistantIntent>;

/** `POST /assistant/chat`. */
export const ChatRequest = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 1000 }),
    sessionId: Type.Optional(Uuid),
    language: Type.Optional(AssistantLanguage),
  },
  { additionalProperties: false },
);
export type ChatRequest = Static<typeof ChatRequest>;

/** What the assistant understood (prices in tenge, major units). */
export const ChatSlots = Type.Object({
  category: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  brand: Type.Optional(Type.String()),
  colour: Type.Optional(Type.String()),
  size: Type.Optional(Type.String()),
  attributes: Type.Optional(Type.Record(Type.String(), Type.String())),
  price_min: Type.Optional(Type.Number()),
  price_max: Type.Optional(Type.Number()),
  sort: Type.Optional(Type.String()),
  order_ref: Type.Optional(Type.String()),
  tracking: Type.Optional(Type.String()),
  refs: Type.Optional(Type.Array(Type.Integer())),
  refine: Type.Optional(Type.String()),
  only: Type.Optional(Type.Boolean()),
});
export type ChatSlots = Static<typeof ChatSlots>;

export const ChatProduct = Type.Object({
  id: Uuid,
  title: Type.String(),
  price: Money,
  imageUrl: Type.Optional(Type.String()),
  /** The variant "add to cart" puts in the cart. */
  variantId: Type.Optional(Uuid),
  /** One line: why this product answers the request. */
  reason: Type.String(),
});
export type ChatProduct = Static<typeof ChatProduct>;

export const AssistantActionKind = Type.Union([
  Type.Literal('add_to_cart'),
  Type.Literal('cancel_order'),
  Type.Literal('return_request'),
  Type.Literal('handoff'),
]);

/** A state-changing step the assistant proposes: it runs only on `POST /assistant/actions/:id/confirm`. */
export const ChatAction = Type.Object({
  id: Uuid,
  kind: AssistantActionKind,
  label: Type.String(),
  expiresAt: Timestamp,
});
export type ChatAction = Static<typeof ChatAction>;

export const ChatAnswer = Type.Object({
  sessionId: Uuid,
  reply: Type.String(),
  intent: AssistantIntent,
  slots: ChatSlots,
  products: Type.Array(ChatProduct),
  actions: Type.Array(ChatAction),
  /** Quick replies the UI shows as chips. */
  suggestions: Type.Array(Type.String()),
  /** `offline` (built-in engine) or `llm` (the configured model planned the answer). */
  engine: Type.Union([Type.Literal('offline'), Type.Literal('llm')]),
});
export type ChatAnswer = Static<typeof ChatAnswer>;

/** The outcome of a confirmed action. */
export const ActionOutcome = Type.Object({
  id: Uuid,
  kind: AssistantActionKind,
  status: Type.Union([Type.Literal('done'), Type.Literal('failed')]),
  message: Type.String(),
  /** What the owning service answered (the cart, the order, the return, the ticket id). */
  result: Type.Optional(Type.Unknown()),
});
export type ActionOutcome = Static<typeof ActionOutcome>;

/** A hand-over to support. */
export const SupportTicket = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  customerId: Type.Union([Uuid, Type.Null()]),
  language: AssistantLanguage,
  summary: Type.String(),
  transcript: Type.Array(Type.Object({ role: Type.String(), text: Type.String(), at: Timestamp })),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  createdAt: Timestamp,
});
export type SupportTicket = Static<typeof SupportTicket>;
