/**
 * Scores retrieval on the labelled search requests: recall@10 and nDCG@10. A product is relevant when
 * it matches the request's spec (category subtree, brand, colour, price); named demo products weigh 2.
 * Recall@10 is capped: found relevant / min(10, all relevant), since most specs match dozens of products.
 */
import { demoProductId } from '@sauda/contracts';
import type { LabelledRequest, RelevanceSpec } from '../nlu/dataset.ts';
import { fold } from '../nlu/normalize.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';

/** How relevant a product is for a spec: 0, 1, or 2 for a named product. */
export function gain(product: CatalogProduct, spec: RelevanceSpec): number {
  if (spec.demo?.some((n) => demoProductId(n) === product.id)) return 2;
  if (spec.category && !product.categoryPath.includes(spec.category)) return 0;
  if (spec.brand && fold(product.brand ?? '') !== fold(spec.brand)) return 0;
  if (spec.colour && !product.colours.some((c) => c.includes(spec.colour ?? ''))) return 0;
  if (spec.maxPrice !== undefined && product.price > spec.maxPrice * 100) return 0;
  if (spec.minPrice !== undefined && product.price < spec.minPrice * 100) return 0;
  return 1;
}

export interface RetrievalScore {
  requests: number;
  recallAt10: number;
  ndcgAt10: number;
  worst: Array<{ text: string; ndcg: number }>;
}

/** Runs `search` for every request with an `expect` spec and averages the two measures. */
export function scoreRetrieval(
  set: LabelledRequest[],
  catalog: CatalogProduct[],
  search: (text: string) => CatalogProduct[],
): RetrievalScore {
  let recall = 0;
  let ndcg = 0;
  let n = 0;
  const all: Array<{ text: string; ndcg: number }> = [];
  for (const request of set) {
    const spec = request.expect;
    if (!spec) continue;
    const gains = catalog
      .map((p) => gain(p, spec))
      .filter((g) => g > 0)
      .sort((a, b) => b - a);
    if (gains.length === 0) continue;
    const top = search(request.text).slice(0, 10);
    const got = top.map((p) => gain(p, spec));
    const dcg = got.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
    const ideal = gains.slice(0, 10).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
    const named = spec.demo?.length ?? 0;
    const found =
      named > 0
        ? got.filter((g) => g === 2).length / named
        : got.filter((g) => g > 0).length / Math.min(10, gains.length);
    recall += found;
    ndcg += dcg / ideal;
    all.push({ text: request.text, ndcg: dcg / ideal });
    n += 1;
  }
  return {
    requests: n,
    recallAt10: recall / Math.max(1, n),
    ndcgAt10: ndcg / Math.max(1, n),
    worst: all.sort((a, b) => a.ndcg - b.ndcg).slice(0, 10),
  };
}
