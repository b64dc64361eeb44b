/** What one turn of the dialogue reads and writes: state per session, cards, proposed actions, tools. */
import type { DeliveryOption, Money, Order, OrderSummary, TrackingView } from '@sauda/contracts';
import type { Intent } from '../nlu/intents.ts';
import type { Lang } from '../nlu/normalize.ts';
import type { Slots, SortWish } from '../nlu/slots.ts';
import type { SearchRequest, SearchResult } from '../retrieval/catalog-index.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';

/** The search the conversation is refining ("cheaper", "only Samsung", "in black"). */
export interface SearchState {
  text: string;
  category?: string;
  type?: string;
  brand?: string;
  colour?: string;
  size?: string;
  price_min?: number;
  price_max?: number;
  sort?: SortWish;
}

/** The dialogue state kept per session. */
export interface DialogueState {
  search?: SearchState;
  /** Ids of the products shown last, in order ("the second one"). */
  shown: string[];
  /** The product the conversation is about (asked about, compared, added). */
  focus?: string;
  /** The order the conversation is about. */
  orderId?: string;
}

export const emptyState = (): DialogueState => ({ shown: [] });

/** A product card in an answer. */
export interface ProductCard {
  id: string;
  title: string;
  price: Money;
  imageUrl?: string;
  variantId?: string;
  /** One line: why this product answers the request. */
  reason: string;
}

export type ActionKind = 'add_to_cart' | 'cancel_order' | 'return_request' | 'handoff';

/** A state-changing step the assistant proposes; it runs only when the customer confirms it. */
export interface ActionDraft {
  kind: ActionKind;
  label: string;
  params: Record<string, unknown>;
}

/** What one turn answers. */
export interface TurnResult {
  intent: Intent;
  slots: Slots;
  reply: string;
  products: ProductCard[];
  actions: ActionDraft[];
  suggestions: string[];
  state: DialogueState;
}

/** A product's page data for questions and comparisons (from shop; untrusted text). */
export interface ProductDetails {
  product: CatalogProduct;
  description: string;
  attributes: Record<string, string>;
  variants: Array<{ id: string; title: string; price: number; weightGrams: number }>;
  reviews: { rating: number | null; count: number; texts: string[] };
}

/**
 * The tools a turn may call. Read tools run at once; state-changing ones are never here: the turn
 * returns an `ActionDraft` and only the customer's confirmation runs it. Calls for the customer's
 * data go out with the customer's own token (null answers mean "not signed in").
 */
export interface Tools {
  search(request: SearchRequest): SearchResult;
  product(id: string): CatalogProduct | undefined;
  details(id: string): Promise<ProductDetails | null>;
  recommendations(id: string): Promise<string[]>;
  forYou(): Promise<string[] | null>;
  orders(): Promise<OrderSummary[] | null>;
  order(id: string): Promise<Order | null>;
  tracking(number: string): Promise<TrackingView | null>;
  deliveryOptions(): Promise<DeliveryOption[] | null>;
  savedPaymentMethods(): Promise<Array<{ brand: string; last4: string }> | null>;
}

/** The turn's context: who asks (signed in or not) and in which language to answer. */
export interface TurnContext {
  language: Lang;
  signedIn: boolean;
}
