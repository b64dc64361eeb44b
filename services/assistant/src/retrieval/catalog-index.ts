/**
 * The assistant's in-memory catalog index: BM25 over stems and concept terms, LSA vectors learned from
 * the catalog, hard filters (category subtree, brand, colour, size, price) and reciprocal-rank fusion.
 * Products are upserted and removed one by one as shop's events arrive.
 */
import type { Lexicon } from '../nlu/lexicon.ts';
import { fold } from '../nlu/normalize.ts';
import type { SortWish } from '../nlu/slots.ts';
import { productTerms, queryTerms } from './analyze.ts';
import type { CatalogProduct } from './catalog-product.ts';
import { foldIn, learnTermVectors, type SparseRow } from './lsa.ts';
import { compareBy, prior, topBy, topK } from './ranking.ts';

export interface SearchFilters {
  category?: string;
  brand?: string;
  colour?: string;
  size?: string;
  /** Minor units. */
  priceMin?: number;
  priceMax?: number;
}

export interface SearchRequest {
  text: string;
  filters: SearchFilters;
  sort?: SortWish;
  limit?: number;
  /** Only products that share a word with the text (no filling with merely allowed ones). */
  requireMatch?: boolean;
}

export interface SearchResult {
  hits: CatalogProduct[];
  /** Filters dropped because nothing matched them all (colour, size, brand — in that order). */
  relaxed: Array<keyof SearchFilters>;
}

const K1 = 1.2;
const B = 0.75;
const RRF = 60;
const DIMS = 48;
/** Beyond this many allowed products, dense scores are computed for the lexical matches only. */
const DENSE_SCAN_LIMIT = 20_000;

interface Posting {
  docs: number[];
  tfs: number[];
}

/** The index; `buildVectors()` learns the latent space once the initial catalog is loaded. */
export class CatalogIndex {
  private readonly products: Array<CatalogProduct | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: Posting[] = [];
  private readonly df: number[] = [];
  private readonly rows: Array<SparseRow | undefined> = [];
  /** Folded brand per slot, so a brand filter never folds 100,000 strings per query. */
  private readonly brandKeys: string[] = [];
  /** The popularity-and-rating prior per slot, computed once. */
  private readonly priors: number[] = [];
  private docLength: number[] = [];
  private totalLength = 0;
  private live = 0;
  private termVectors: Float32Array | null = null;
  private vectors = new Float32Array(0);

  constructor(private readonly lexicon: Lexicon) {}

  get size(): number {
    return this.live;
  }

  get(id: string): CatalogProduct | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.products[slot];
  }

  /** Adds or replaces a product (the old copy stops matching at once). */
  upsert(product: CatalogProduct): void {
    this.remove(product.id);
    if (product.brand) this.lexicon.addBrand(product.brand);
    const slot = this.products.length;
    this.products.push(product);
    this.brandKeys[slot] = fold(product.brand ?? '');
    this.priors[slot] = prior(product);
    this.slotOf.set(product.id, slot);
    const counts = new Map<number, number>();
    const terms = productTerms(product, this.lexicon);
    for (const term of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
        this.postings.push({ docs: [], tfs: [] });
        this.df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of counts) {
      const posting = this.postings[id];
      posting?.docs.push(slot);
      posting?.tfs.push(tf);
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
    this.docLength[slot] = terms.length;
    this.totalLength += terms.length;
    this.live += 1;
    const row = { ids: Int32Array.from(counts.keys()), weights: Float32Array.from(counts.values()) };
    this.rows[slot] = row;
    if (this.termVectors) this.foldProduct(slot);
  }

  /** Forgets a product (archived, hidden); unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.products[slot] = undefined;
    for (const term of this.rows[slot]?.ids ?? []) this.df[term] = (this.df[term] ?? 1) - 1;
    this.rows[slot] = undefined;
    this.totalLength -= this.docLength[slot] ?? 0;
    this.live -= 1;
  }

  private idf(term: number): number {
    const df = this.df[term] ?? 0;
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  private tfidf(row: SparseRow): SparseRow {
    const weights = new Float32Array(row.ids.length);
    row.ids.forEach((id, i) => (weights[i] = (1 + Math.log(row.weights[i] ?? 1)) * this.idf(id)));
    return { ids: row.ids, weights };
  }

  /** Learns the latent space from the products indexed so far and places every product in it. */
  buildVectors(): void {
    const rows = this.rows.filter((row): row is SparseRow => row !== undefined).map((row) => this.tfidf(row));
    if (rows.length < DIMS * 2) return;
    this.termVectors = learnTermVectors(rows, this.termIds.size, DIMS);
    this.vectors = new Float32Array(this.products.length * DIMS);
    for (let slot = 0; slot < this.products.length; slot += 1) if (this.rows[slot]) this.foldProduct(slot);
  }

  private foldProduct(slot: number): void {
    const row = this.rows[slot];
    if (!row || !this.termVectors) return;
    const k = DIMS;
    if (this.vectors.length < (slot + 1) * k) {
      const grown = new Float32Array(Math.max((slot + 1) * k, this.vectors.length * 2));
      grown.set(this.vectors);
      this.vectors = grown;
    }
    const vector = foldIn(this.tfidf(row), this.termVectors, k);
    // Terms learned after the space was built have no vector yet: they only count in BM25.
    this.vectors.set(vector, slot * k);
  }

  private passes(
    slot: number,
    product: CatalogProduct,
    filters: SearchFilters,
    brand: string | undefined,
  ): boolean {
    if (filters.category && !product.categoryPath.includes(filters.category)) return false;
    if (brand !== undefined && this.brandKeys[slot] !== brand) return false;
    if (filters.priceMin !== undefined && product.price < filters.priceMin) return false;
    if (filters.priceMax !== undefined && product.price > filters.priceMax) return false;
    if (filters.colour && !product.colours.some((c) => c.includes(filters.colour ?? ''))) return false;
    if (filters.size && !product.sizes.includes(filters.size)) return false;
    return true;
  }

  /** Searches with every filter; when nothing matches, drops colour, then size, then brand. */
  search(request: SearchRequest): SearchResult {
    const relaxed: Array<keyof SearchFilters> = [];
    const filters = { ...request.filters };
    let hits = this.rank({ ...request, filters });
    for (const key of ['colour', 'size', 'brand'] as const) {
      if (hits.length > 0) break;
      if (filters[key] === undefined) continue;
      delete filters[key];
      relaxed.push(key);
      hits = this.rank({ ...request, filters });
    }
    return { hits, relaxed };
  }

  private rank(request: SearchRequest): CatalogProduct[] {
    const limit = request.limit ?? 10;
    const allowed: number[] = [];
    const brand = request.filters.brand ? fold(request.filters.brand) : undefined;
    for (let slot = 0; slot < this.products.length; slot += 1) {
      const product = this.products[slot];
      if (product && this.passes(slot, product, request.filters, brand)) allowed.push(slot);
    }
    if (allowed.length === 0) return [];
    const bm25 = this.bm25(request.text);
    const dense = this.dense(request.text);
    const lexical = allowed.filter((slot) => (bm25.get(slot) ?? 0) > 0);
    if (request.requireMatch && lexical.length === 0) return [];
    const pool = lexical.length > 0 ? lexical : allowed;
    if (request.sort) {
      const compare = compareBy(request.sort);
      return topK(
        pool.map((slot) => this.products[slot] as CatalogProduct),
        limit,
        compare,
      );
    }
    const fused = new Map<number, number>();
    const addRanking = (ranked: number[], weight: number) =>
      ranked
        .slice(0, 200)
        .forEach((slot, rank) => fused.set(slot, (fused.get(slot) ?? 0) + weight / (RRF + rank + 1)));
    addRanking(
      topBy(lexical, (slot) => bm25.get(slot) ?? 0, 200),
      1,
    );
    // Over a very broad pool the vectors only re-rank what the words found: a full scan costs too much.
    const densePool = allowed.length > DENSE_SCAN_LIMIT && lexical.length > 0 ? lexical : allowed;
    if (dense)
      addRanking(
        topBy(densePool, (slot) => dense(slot), 200),
        1,
      );
    addRanking(
      topBy(allowed, (slot) => this.priors[slot] ?? 0, 200),
      0.5,
    );
    // Products that share the query's words come first; the rest of the allowed ones fill the list.
    const matched = (slot: number) => ((bm25.get(slot) ?? 0) > 0 ? 1 : 0);
    return [...fused]
      .filter(([slot]) => !request.requireMatch || matched(slot) === 1)
      .sort((a, b) => matched(b[0]) - matched(a[0]) || b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([slot]) => this.products[slot] as CatalogProduct);
  }

  private bm25(text: string): Map<number, number> {
    const scores = new Map<number, number>();
    const avg = this.totalLength / Math.max(1, this.live);
    for (const term of new Set(queryTerms(text, this.lexicon))) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idf(id);
      const posting = this.postings[id];
      if (!posting) continue;
      for (let i = 0; i < posting.docs.length; i += 1) {
        const slot = posting.docs[i] ?? 0;
        if (!this.products[slot]) continue;
        const tf = posting.tfs[i] ?? 0;
        const norm = tf + K1 * (1 - B + (B * (this.docLength[slot] ?? 0)) / avg);
        scores.set(slot, (scores.get(slot) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return scores;
  }

  private dense(text: string): ((slot: number) => number) | undefined {
    if (!this.termVectors) return undefined;
    const counts = new Map<number, number>();
    for (const term of queryTerms(text, this.lexicon)) {
      const id = this.termIds.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (counts.size === 0) return undefined;
    const query = foldIn(
      this.tfidf({ ids: Int32Array.from(counts.keys()), weights: Float32Array.from(counts.values()) }),
      this.termVectors,
      DIMS,
    );
    const vectors = this.vectors;
    return (slot) => {
      let dot = 0;
      const base = slot * DIMS;
      for (let j = 0; j < DIMS; j += 1) dot += (query[j] ?? 0) * (vectors[base + j] ?? 0);
      return dot;
    };
  }
}
