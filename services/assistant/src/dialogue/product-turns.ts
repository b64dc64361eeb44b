/**
 * Turns about products already on screen: questions, comparisons, recommendations, adding to cart.
 * Product texts and reviews are untrusted: they are quoted as data in answers and never read as
 * instructions; nothing here derives a tool call from them.
 */
import type { Lang } from '../nlu/normalize.ts';
import type { Reading } from '../nlu/nlu.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';
import { answerQuestion } from './answer-question.ts';
import { formatMoney, say } from './replies.ts';
import { cardOf, reasonFor, CARDS, type CategoryNames } from './search-turn.ts';
import { suggestionsAfterSearch } from './suggestions.ts';
import type { DialogueState, Tools, TurnResult } from './types.ts';

/** The products a message points at: "the second one", "the last", else the one in focus. */
export function referencedProducts(reading: Reading, state: DialogueState, tools: Tools): CatalogProduct[] {
  const picked = (reading.slots.refs ?? [])
    .map((n) => (n === -1 ? state.shown.at(-1) : state.shown[n - 1]))
    .filter((id): id is string => id !== undefined);
  if (picked.length === 0 && reading.slots.sort === 'price_asc' && state.shown.length > 0) {
    const cheapest = state.shown
      .map((id) => tools.product(id))
      .filter((p): p is CatalogProduct => p !== undefined)
      .sort((a, b) => a.price - b.price)[0];
    if (cheapest) picked.push(cheapest.id);
  }
  if (picked.length === 0 && state.focus) picked.push(state.focus);
  return picked.map((id) => tools.product(id)).filter((p): p is CatalogProduct => p !== undefined);
}

const base = (reading: Reading, intent: TurnResult['intent'], state: DialogueState): TurnResult => ({
  intent,
  slots: reading.slots,
  reply: '',
  products: [],
  actions: [],
  suggestions: [],
  state,
});

/** Answers a question about one product from its attributes, description and reviews. */
export async function questionTurn(
  text: string,
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
  names: CategoryNames,
): Promise<TurnResult> {
  const [product] = referencedProducts(reading, state, tools);
  if (!product) return { ...base(reading, 'product_question', state), reply: say('pickFirst', lang) };
  const details = await tools.details(product.id);
  const reply = answerQuestion(text, product, details, lang);
  return {
    ...base(reading, 'product_question', { ...state, focus: product.id }),
    reply,
    products: [cardOf(product, reasonFor(product, state.search ?? { text: '' }, lang, names))],
    suggestions: suggestionsAfterSearch(lang, state.search ?? { text: '' }),
  };
}

/** Compares two (or more) products the customer named or saw. */
export function compareTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
  names: CategoryNames,
): TurnResult {
  let products = referencedProducts(reading, state, tools);
  const brands = reading.mentions.filter((m) => m.kind === 'brand').map((m) => m.value);
  if (products.length < 2 && brands.length >= 2) {
    products = brands
      .map(
        (brand) =>
          tools.search({
            text: '',
            filters: { brand, ...(state.search?.category ? { category: state.search.category } : {}) },
            limit: 1,
          }).hits[0],
      )
      .filter((p): p is CatalogProduct => p !== undefined);
  }
  if (products.length < 2) {
    const shown = state.shown
      .map((id) => tools.product(id))
      .filter((p): p is CatalogProduct => p !== undefined);
    const rest = shown.filter((p) => !products.some((q) => q.id === p.id));
    products = [...products, ...rest].slice(0, 2);
  }
  if (products.length < 2) return { ...base(reading, 'compare', state), reply: say('compareNeedTwo', lang) };
  const lines = products.map((p, i) => {
    const attributes = Object.entries(p.attributes)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    const rating = p.rating === null ? '' : ` · ★ ${p.rating.toFixed(1)}`;
    return `${i + 1}. ${p.title} — ${formatMoney(p.price, p.currency)}${rating}${attributes ? ` · ${attributes}` : ''}`;
  });
  const [a, b] = [...products].sort((x, y) => x.price - y.price);
  const cheaper =
    a && b && a.price < b.price
      ? ` ${say('cheaperOf', lang, { title: a.title, diff: formatMoney(b.price - a.price) })}`
      : '';
  return {
    ...base(reading, 'compare', { ...state, shown: products.map((p) => p.id) }),
    reply: `${say('compareIntro', lang)}\n${lines.join('\n')}${cheaper ? `\n${cheaper.trim()}` : ''}`,
    products: products.map((p) => cardOf(p, reasonFor(p, state.search ?? { text: '' }, lang, names))),
    suggestions: suggestionsAfterSearch(lang, state.search ?? { text: '' }),
  };
}

/** Recommends from shop's lists for the product in focus, the customer's history, or what is popular. */
export async function recommendTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
  names: CategoryNames,
): Promise<TurnResult> {
  const [target] = referencedProducts(reading, state, tools);
  let ids = target ? await tools.recommendations(target.id) : [];
  if (ids.length === 0) ids = (await tools.forYou()) ?? [];
  let products = ids.map((id) => tools.product(id)).filter((p): p is CatalogProduct => p !== undefined);
  if (products.length === 0) {
    const category = reading.slots.category ?? state.search?.category;
    products = tools.search({
      text: '',
      filters: category ? { category } : {},
      sort: 'popularity',
      limit: CARDS,
    }).hits;
  }
  products = products.slice(0, CARDS);
  const search = state.search ?? { text: '' };
  return {
    ...base(reading, 'recommend', { ...state, shown: products.map((p) => p.id) }),
    reply: say('recommend', lang),
    products: products.map((p) => cardOf(p, reasonFor(p, search, lang, names))),
    suggestions: suggestionsAfterSearch(lang, search),
  };
}

const QUANTITY_WORDS: Record<string, number> = {
  two: 2,
  три: 3,
  два: 2,
  две: 2,
  екі: 2,
  екеуін: 2,
  three: 3,
  үш: 3,
  үшеуін: 3,
};

function quantityOf(reading: Reading): number {
  for (const token of reading.tokens) {
    if (/^\d{1,2}$/.test(token)) return Math.max(1, Math.min(99, Number(token)));
    const word = QUANTITY_WORDS[token];
    if (word) return word;
  }
  return 1;
}

/** Proposes adding a product to the cart; it is added only when the customer confirms. */
export async function addToCartTurn(
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
): Promise<TurnResult> {
  const [product] = referencedProducts(reading, state, tools);
  // Listings carry no variants: the product page names the cheapest one.
  const variantId =
    product?.variantId ??
    (product
      ? (await tools.details(product.id))?.variants.sort((a, b) => a.price - b.price)[0]?.id
      : undefined);
  if (!product || !variantId)
    return { ...base(reading, 'add_to_cart', state), reply: say('pickFirst', lang) };
  const quantity = quantityOf(reading);
  return {
    ...base(reading, 'add_to_cart', { ...state, focus: product.id }),
    reply: say('addConfirm', lang, {
      title: product.title,
      price: formatMoney(product.price, product.currency),
      quantity,
    }),
    actions: [
      {
        kind: 'add_to_cart',
        label: { en: 'Add to cart', ru: 'Добавить в корзину', kk: 'Себетке қосу' }[lang],
        params: { productId: product.id, variantId, quantity, title: product.title },
      },
    ],
  };
}
