/** Quick-reply chips: what the customer may want to say next, in their language. */
import type { Lang } from '../nlu/normalize.ts';
import type { SearchState } from './types.ts';

const CHIPS = {
  start: {
    en: ['Headphones under 20 000 ₸', 'Where is my order?', 'Delivery options', 'How can I pay?'],
    ru: ['Наушники до 20 тысяч', 'Где мой заказ?', 'Варианты доставки', 'Как оплатить?'],
    kk: ['20 мыңға дейін құлаққап', 'Тапсырысым қайда?', 'Жеткізу нұсқалары', 'Қалай төлеуге болады?'],
  },
  afterSearch: {
    en: ['Cheaper', 'Compare the first two', 'Add the first to cart', 'Tell me about the first'],
    ru: ['Дешевле', 'Сравни первые два', 'Добавь первый в корзину', 'Расскажи про первый'],
    kk: ['Арзанырақ', 'Алғашқы екеуін салыстыр', 'Біріншісін себетке қос', 'Біріншісі туралы айтшы'],
  },
  afterOrder: {
    en: ['Cancel this order', 'Start a return', 'Talk to support'],
    ru: ['Отменить заказ', 'Оформить возврат', 'Связаться с поддержкой'],
    kk: ['Тапсырысты болдырмау', 'Қайтаруды бастау', 'Қолдау қызметі'],
  },
} as const satisfies Record<string, Record<Lang, readonly string[]>>;

/** Chips for the start of a conversation or after an answer without products. */
export const startSuggestions = (lang: Lang): string[] => [...CHIPS.start[lang]];

/** Chips after a list of products. */
export function suggestionsAfterSearch(lang: Lang, search: SearchState): string[] {
  const chips: string[] = [...CHIPS.afterSearch[lang]];
  if (!search.colour) chips.splice(1, 0, { en: 'In black', ru: 'Чёрные', kk: 'Қара түсті' }[lang]);
  return chips;
}

/** Chips after an order answer. */
export const orderSuggestions = (lang: Lang): string[] => [...CHIPS.afterOrder[lang]];
