/** Ranking helpers of the index: the popularity prior, bounded top-k selection and the sort orders. */
import type { SortWish } from '../nlu/slots.ts';
import type { CatalogProduct } from './catalog-product.ts';

/** A popularity-and-rating prior: what sells and pleases first when the words do not decide. */
export function prior(product: CatalogProduct): number {
  return Math.log1p(product.popularity) + (product.rating ?? 3.5);
}

/** The first `k` items in `compare` order without sorting them all (a bounded insertion list). */
export function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as T) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1] as T) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Slots by descending score (ties by slot), the first `n`; most slots are dismissed by one comparison. */
export function topBy(slots: number[], score: (slot: number) => number, n: number): number[] {
  const best: number[] = [];
  const scores: number[] = [];
  for (const slot of slots) {
    const value = score(slot);
    if (best.length === n && value <= (scores[n - 1] ?? -Infinity)) continue;
    let at = best.length;
    while (at > 0 && value > (scores[at - 1] ?? -Infinity)) at -= 1;
    best.splice(at, 0, slot);
    scores.splice(at, 0, value);
    if (best.length > n) {
      best.pop();
      scores.pop();
    }
  }
  return best;
}

/** The order of a sort wish (ties broken by id, so answers are stable). */
export function compareBy(sort: SortWish): (a: CatalogProduct, b: CatalogProduct) => number {
  switch (sort) {
    case 'price_asc':
      return (a, b) => a.price - b.price || a.id.localeCompare(b.id);
    case 'price_desc':
      return (a, b) => b.price - a.price || a.id.localeCompare(b.id);
    case 'rating':
      return (a, b) => (b.rating ?? 0) - (a.rating ?? 0) || b.popularity - a.popularity;
    case 'popularity':
      return (a, b) => b.popularity - a.popularity || a.id.localeCompare(b.id);
    case 'newest':
      return (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
  }
}
