/**
 * SQL for the product page: the product, its category, variants and gallery in one statement, and the
 * pages asked for at the same time read together (a cold or cleared cache asks for many at once).
 */
import type { Queryable } from '@sauda/kit';
import type { ImageRow } from './images-repo.ts';
import type { ProductRow } from './products-repo.ts';
import { effectiveCompareAt, effectivePrice, type VariantRow } from './variants-repo.ts';

/** A product row with everything its page shows. */
export interface ProductPageRow extends ProductRow {
  variants: VariantRow[];
  images: ImageRow[];
}

/** As json_agg hands a variant over: timestamps are ISO strings there. */
type JsonVariant = Omit<VariantRow, 'sale_starts_at' | 'sale_ends_at'> & {
  sale_starts_at: string | null;
  sale_ends_at: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** At most this many pages per statement. */
const BATCH = 200;

/**
 * The pages of the given ids and slugs (anything that is not a UUID is a slug), in one statement; products
 * not found are absent. The stored search vector is left out: the page never shows it.
 */
export async function findProductPages(db: Queryable, keys: readonly string[]): Promise<ProductPageRow[]> {
  const ids = keys.filter((key) => UUID.test(key));
  const slugs = keys.filter((key) => !UUID.test(key));
  const byId = db`p.id = any(${ids}::uuid[])`;
  const bySlug = db`p.slug = any(${slugs}::text[])`;
  const rows = await db<(ProductRow & { variants: JsonVariant[]; images: ImageRow[] })[]>`
    select p.id, p.seller_id, p.seller_name, p.slug, p.title, p.description, p.brand, p.category_id,
           p.price_amount, p.currency, p.status, p.image_url, p.rating, p.attributes, p.created_at,
           p.translations, p.compare_at_amount, p.hidden_at, p.hidden_reason,
           c.slug as category_slug, c.names as category_names,
           (select coalesce(json_agg(x order by x.position, x.id), '[]') from (
              select v.*, ${effectivePrice(db)} as effective_amount,
                     ${effectiveCompareAt(db)} as effective_compare_at
              from product_variants v where v.product_id = p.id) x) as variants,
           (select coalesce(json_agg(i order by i.position, i.id), '[]')
              from product_images i where i.product_id = p.id) as images
    from products p left join categories c on c.id = p.category_id
    where ${slugs.length === 0 ? byId : ids.length === 0 ? bySlug : db`(${byId} or ${bySlug})`}`;
  return rows.map((row) => ({
    ...row,
    variants: row.variants.map((v) => ({
      ...v,
      sale_starts_at: v.sale_starts_at === null ? null : new Date(v.sale_starts_at),
      sale_ends_at: v.sale_ends_at === null ? null : new Date(v.sale_ends_at),
    })),
  }));
}

type Waiter = {
  key: string;
  resolve: (row: ProductPageRow | undefined) => void;
  reject: (e: unknown) => void;
};
const pending = new WeakMap<Queryable, Waiter[]>();

/**
 * One product page by id or slug, or undefined. Calls made in the same turn of the event loop (the
 * requests read from the sockets together) share one statement: a cold cache then costs a few
 * statements instead of one per product (issue 12).
 */
export function findProductPage(db: Queryable, idOrSlug: string): Promise<ProductPageRow | undefined> {
  return new Promise((resolve, reject) => {
    const queued = pending.get(db);
    if (queued) return void queued.push({ key: idOrSlug, resolve, reject });
    pending.set(db, [{ key: idOrSlug, resolve, reject }]);
    setImmediate(() => {
      const waiters = pending.get(db) ?? [];
      pending.delete(db);
      for (let start = 0; start < waiters.length; start += BATCH)
        void readBatch(db, waiters.slice(start, start + BATCH));
    });
  });
}

async function readBatch(db: Queryable, waiters: Waiter[]): Promise<void> {
  try {
    const rows = await findProductPages(db, [...new Set(waiters.map((w) => w.key))]);
    const found = new Map<string, ProductPageRow>();
    for (const row of rows) found.set(row.id, row).set(`slug:${row.slug}`, row);
    for (const w of waiters) w.resolve(found.get(UUID.test(w.key) ? w.key.toLowerCase() : `slug:${w.key}`));
  } catch (error) {
    for (const w of waiters) w.reject(error);
  }
}
