/** From what the customer asked (slots, in tenge) to an index request (minor units). */
import type { Slots } from '../nlu/slots.ts';
import type { SearchRequest } from './catalog-index.ts';

/** The search request of a message's slots. */
export function searchRequestOf(text: string, slots: Slots, limit = 10): SearchRequest {
  return {
    text,
    limit,
    filters: {
      ...(slots.category ? { category: slots.category } : {}),
      ...(slots.brand ? { brand: slots.brand } : {}),
      ...(slots.colour ? { colour: slots.colour } : {}),
      ...(slots.size ? { size: slots.size } : {}),
      ...(slots.price_min !== undefined ? { priceMin: slots.price_min * 100 } : {}),
      ...(slots.price_max !== undefined ? { priceMax: slots.price_max * 100 } : {}),
    },
    ...(slots.sort ? { sort: slots.sort } : {}),
  };
}
