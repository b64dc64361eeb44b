/** Recommendations for a product page and the customer's "for you" list, read from precomputed tables. */
import type { ProductRecommendations, RecommendedProduct } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { recentProductsOf } from '../data/purchases-repo.ts';
import { popularOverall, productLists, relatedToMany } from '../data/recommendations-repo.ts';

const PER_LIST = 8;

/** "Bought together", "similar" and "popular in category" for one product (each list may be empty). */
export async function getRecommendations(db: Queryable, productId: string): Promise<ProductRecommendations> {
  const { boughtTogether: together, similar, popular } = await productLists(db, productId, PER_LIST);
  // Popular in category is the fallback: it does not repeat what the first two lists already show.
  const shown = new Set([...together, ...similar].map((p) => p.id));
  return { boughtTogether: together, similar, popularInCategory: popular.filter((p) => !shown.has(p.id)) };
}

/** A customer's personal list: related to what they bought, minus what they bought; popular when new. */
export async function getForYou(
  db: Queryable,
  customerId: string,
  limit = 12,
): Promise<RecommendedProduct[]> {
  const history = await recentProductsOf(db, customerId, 20);
  const related = history.length > 0 ? await relatedToMany(db, history, history, limit) : [];
  if (related.length >= limit) return related;
  const fill = await popularOverall(db, [...history, ...related.map((p) => p.id)], limit - related.length);
  return [...related, ...fill];
}
