/** Product search and its refinements over the conversation ("cheaper", "only Samsung", "in black"). */
import type { Lang } from '../nlu/normalize.ts';
import type { Reading } from '../nlu/nlu.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';
import { categoryOf } from '../retrieval/catalog-product.ts';
import { searchRequestOf } from '../retrieval/search-request.ts';
import { formatMoney, say } from './replies.ts';
import type { DialogueState, ProductCard, SearchState, Tools, TurnResult } from './types.ts';
import { suggestionsAfterSearch } from './suggestions.ts';

/** Category names by slug in each language (from the catalog). */
export type CategoryNames = Map<string, Record<Lang, string>>;

/** Cards shown in one answer. */
export const CARDS = 6;

/** True when a message only narrows the last search: no new product named, but a brand, colour, price or "cheaper". */
export function isRefinement(reading: Reading, state: DialogueState): boolean {
  if (!state.search || state.shown.length === 0) return false;
  const s = reading.slots;
  if (s.category || s.type) return false;
  return Boolean(
    s.refine ?? s.brand ?? s.colour ?? s.size ?? s.price_max ?? s.price_min ?? (s.sort && s.only),
  );
}

/** The search a message asks for: a fresh one, or the last one narrowed. */
function nextSearch(reading: Reading, state: DialogueState, text: string, tools: Tools): SearchState {
  const s = reading.slots;
  const refining = isRefinement(reading, state);
  const base: SearchState = refining && state.search ? { ...state.search } : { text };
  if (!refining) {
    if (s.category) base.category = s.category;
    if (s.type) base.type = s.type;
  }
  if (s.brand) base.brand = s.brand;
  if (s.colour) base.colour = s.colour;
  if (s.size) base.size = s.size;
  if (s.price_min !== undefined) base.price_min = s.price_min;
  if (s.price_max !== undefined) base.price_max = s.price_max;
  if (s.sort) base.sort = s.sort;
  const shownPrices = state.shown
    .map((id) => tools.product(id)?.price)
    .filter((p): p is number => p !== undefined);
  if (refining && s.refine === 'cheaper' && shownPrices.length > 0) {
    // Cheaper than the cheapest shown, so every new card is a real step down.
    base.price_max = Math.floor(Math.min(...shownPrices) / 100) - 1;
    delete base.price_min;
    if (base.sort === 'price_desc') delete base.sort;
  }
  if (refining && s.refine === 'pricier' && shownPrices.length > 0) {
    base.price_min = Math.ceil(Math.max(...shownPrices) / 100) + 1;
    delete base.price_max;
  }
  return base;
}

/** A one-line reason for a card, in the customer's language. */
export function reasonFor(
  product: CatalogProduct,
  search: SearchState,
  lang: Lang,
  names: CategoryNames,
): string {
  const parts: string[] = [];
  const price = formatMoney(product.price, product.currency);
  if (search.price_max !== undefined)
    parts.push(
      {
        en: `${price}, within ${formatMoney(search.price_max * 100)}`,
        ru: `${price}, в пределах ${formatMoney(search.price_max * 100)}`,
        kk: `${price}, ${formatMoney(search.price_max * 100)} шегінде`,
      }[lang],
    );
  else parts.push(price);
  if (product.rating !== null) parts.push(`★ ${product.rating.toFixed(1)}`);
  const category = categoryOf(product);
  const label = [product.brand, category ? names.get(category)?.[lang] : undefined]
    .filter(Boolean)
    .join(', ');
  if (label) parts.push(label);
  if (search.colour) parts.push(colourName(search.colour, lang));
  if (search.sort === 'rating')
    parts.push({ en: 'top rated', ru: 'лучший рейтинг', kk: 'ең жоғары баға' }[lang]);
  if (search.sort === 'price_asc')
    parts.push({ en: 'lowest price', ru: 'самая низкая цена', kk: 'ең төмен баға' }[lang]);
  return parts.join(' · ');
}

/** The card of a product. */
export function cardOf(product: CatalogProduct, reason: string): ProductCard {
  return {
    id: product.id,
    title: product.title,
    price: { amount: product.price, currency: product.currency },
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    ...(product.variantId ? { variantId: product.variantId } : {}),
    reason,
  };
}

function filterWords(search: SearchState, lang: Lang, names: CategoryNames): string {
  const words: string[] = [];
  if (search.category) words.push(names.get(search.category)?.[lang] ?? search.category);
  if (search.brand) words.push(search.brand);
  if (search.colour) words.push(colourName(search.colour, lang));
  if (search.size) words.push(search.size);
  if (search.price_min !== undefined)
    words.push(`${{ en: 'from', ru: 'от', kk: 'бастап' }[lang]} ${formatMoney(search.price_min * 100)}`);
  if (search.price_max !== undefined)
    words.push(`${{ en: 'up to', ru: 'до', kk: 'дейін' }[lang]} ${formatMoney(search.price_max * 100)}`);
  return words.length > 0 ? ` (${words.join(', ')})` : '';
}

const COLOUR_NAMES: Record<string, Record<Lang, string>> = {
  black: { en: 'black', ru: 'чёрный', kk: 'қара' },
  white: { en: 'white', ru: 'белый', kk: 'ақ' },
  grey: { en: 'grey', ru: 'серый', kk: 'сұр' },
  blue: { en: 'blue', ru: 'синий', kk: 'көк' },
  red: { en: 'red', ru: 'красный', kk: 'қызыл' },
  green: { en: 'green', ru: 'зелёный', kk: 'жасыл' },
  beige: { en: 'beige', ru: 'бежевый', kk: 'беж' },
  navy: { en: 'navy', ru: 'тёмно-синий', kk: 'қою көк' },
  purple: { en: 'purple', ru: 'фиолетовый', kk: 'күлгін' },
  yellow: { en: 'yellow', ru: 'жёлтый', kk: 'сары' },
  burgundy: { en: 'burgundy', ru: 'бордовый', kk: 'қызыл күрең' },
  pink: { en: 'pink', ru: 'розовый', kk: 'қызғылт' },
  brown: { en: 'brown', ru: 'коричневый', kk: 'қоңыр' },
};

/** A colour's name in the language. */
const colourName = (colour: string, lang: Lang): string => COLOUR_NAMES[colour]?.[lang] ?? colour;

const RELAXED: Record<string, Record<Lang, string>> = {
  colour: { en: 'the colour', ru: 'цвет', kk: 'түс' },
  size: { en: 'the size', ru: 'размер', kk: 'өлшем' },
  brand: { en: 'the brand', ru: 'бренд', kk: 'бренд' },
};

/** Runs the search a message asks for and answers with cards. */
export function searchTurn(
  text: string,
  reading: Reading,
  state: DialogueState,
  tools: Tools,
  lang: Lang,
  names: CategoryNames,
): TurnResult {
  const search = nextSearch(reading, state, text, tools);
  if (!search.category && !search.brand && !search.type && reading.tokens.length === 0)
    return {
      intent: 'product_search',
      slots: reading.slots,
      reply: say('askWhat', lang),
      products: [],
      actions: [],
      suggestions: [],
      state,
    };
  const { text: query, ...slots } = search;
  const result = tools.search(searchRequestOf(query, slots, CARDS));
  const filters = filterWords(search, lang, names);
  const products = result.hits.map((p) => cardOf(p, reasonFor(p, search, lang, names)));
  const reply =
    products.length === 0
      ? say('nothing', lang, { filters })
      : result.relaxed.length > 0
        ? say('foundRelaxed', lang, {
            filters,
            relaxed: result.relaxed.map((k) => RELAXED[k]?.[lang] ?? k).join(', '),
          })
        : say('found', lang, { filters });
  return {
    intent: 'product_search',
    slots: reading.slots,
    reply,
    products,
    actions: [],
    suggestions: suggestionsAfterSearch(lang, search),
    state: {
      ...state,
      search,
      shown: products.map((p) => p.id),
      ...(products[0] ? { focus: products[0].id } : {}),
    },
  };
}
