/**
 * Seeds the generated catalog in multi-row batches: 5,000 products in demo mode (with events, so stock
 * and users learn the SKUs and shops, and with generated images), up to 1,000,000 for benchmarks
 * (without events or images). Idempotent: fixed ids, `on conflict do nothing`, events only for new rows.
 */
import { demoProductId, ProductCreated } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Tx } from '@sauda/kit';
import { upsertCategory } from '../data/categories-repo.ts';
import { variantTitle } from '../data/variants-repo.ts';
import type { MediaStore } from '../media/media-store.ts';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from './catalog.ts';
import { demoImageSvg } from './demo-images.ts';
import { generateProduct, generatedImageId, type GeneratedProduct } from './generate-products.ts';
import { GENERATED_CATEGORIES, VOCABULARY } from './generator-data.ts';

export interface SeedOptions {
  products: number;
  /** Publish `shop.product.created.v1` for each new product (demo mode). */
  events: boolean;
  /** Write a generated image per product into this store. */
  media?: MediaStore;
  batchSize?: number;
  /** Batches inserted at the same time (each on its own connection). */
  concurrency?: number;
  onProgress?: (done: number) => void;
}

/** Upserts the extra categories and the generated products 1…N; returns how many products were new. */
export async function seedGenerated(db: Db, options: SeedOptions): Promise<number> {
  const categories = [...DEMO_CATEGORIES, ...GENERATED_CATEGORIES];
  const ids = new Map(categories.map((cat) => [cat.slug, cat.id]));
  for (const [position, cat] of GENERATED_CATEGORIES.entries())
    await upsertCategory(db, {
      id: cat.id,
      slug: cat.slug,
      parentId: cat.parent ? (ids.get(cat.parent) ?? null) : null,
      names: cat.names,
      position: DEMO_CATEGORIES.length + position,
    });
  const batch = options.batchSize ?? 1000;
  let created = 0;
  let next = 1;
  let done = 0;
  // A few batches in flight keep every core of the database busy computing search vectors.
  const worker = async () => {
    while (next <= options.products) {
      const start = next;
      next += batch;
      const items: GeneratedProduct[] = [];
      for (let i = start; i < Math.min(start + batch, options.products + 1); i += 1)
        items.push(generateProduct(i));
      // Read-modify-write after the await: `created += await …` would lose concurrent workers' counts.
      const fresh = await insertBatch(db, items, ids, options);
      created += fresh;
      done += items.length;
      options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  if (options.media) await seedHandWrittenImages(db, options.media);
  return created;
}

async function insertBatch(
  db: Db,
  items: GeneratedProduct[],
  categoryIds: Map<string, string>,
  options: SeedOptions,
): Promise<number> {
  const rows = items.map((p) => ({
    id: p.id,
    seller_id: p.sellerId,
    seller_name: p.sellerName,
    slug: p.slug,
    title: p.title,
    description: p.description,
    translations: db.json(p.translations),
    brand: p.brand,
    category_id: categoryIds.get(p.categorySlug) ?? null,
    price_amount: p.priceAmount,
    compare_at_amount: p.compareAtAmount,
    currency: 'KZT',
    status: 'active',
    rating: p.rating,
    popularity: p.popularity,
    attributes: db.json(p.attributes),
    image_url: options.media
      ? `/api/media/${generatedImageId(Number.parseInt(p.id.slice(-12), 16))}/large.svg`
      : null,
    created_at: p.createdAt,
    updated_at: p.createdAt,
  }));
  return withTransaction(db, async (tx) => {
    // New products have no cached pages: their rows stay out of the change feed (ADR 0009).
    await tx`select set_config('sauda.catalog_changes', 'off', true)`;
    const inserted = await tx<{ id: string }[]>`
      insert into products ${tx(rows)} on conflict (id) do nothing returning id`;
    const fresh = new Set(inserted.map((r) => r.id));
    const news = items.filter((p) => fresh.has(p.id));
    if (news.length === 0) return 0;
    const variants = news.flatMap((p) =>
      p.variants.map((v, position) => ({
        id: v.id,
        product_id: p.id,
        seller_id: p.sellerId,
        sku: v.sku,
        options: tx.json(v.options),
        price_amount: v.priceAmount,
        compare_at_amount: v.compareAtAmount,
        weight_grams: v.weightGrams,
        position,
      })),
    );
    await tx`insert into product_variants ${tx(variants)} on conflict (id) do nothing`;
    if (options.media) await writeImages(tx, options.media, news);
    if (options.events)
      for (const p of news)
        await appendEvent(tx, ProductCreated, {
          productId: p.id,
          sellerId: p.sellerId,
          slug: p.slug,
          title: p.title,
          price: { amount: p.priceAmount, currency: 'KZT' },
          status: 'active',
          categoryId: categoryIds.get(p.categorySlug) ?? null,
          variants: p.variants.map((v) => ({
            variantId: v.id,
            sku: v.sku,
            title: variantTitle(p.title, v.options),
            weightGrams: v.weightGrams,
          })),
          createdAt: p.createdAt.toISOString(),
        });
    return news.length;
  });
}

async function writeImages(tx: Tx, media: MediaStore, news: GeneratedProduct[]) {
  const rows = [];
  for (const p of news) {
    const imageId = generatedImageId(Number.parseInt(p.id.slice(-12), 16));
    const key = `${imageId}/large.svg`;
    await media.put(
      key,
      Buffer.from(demoImageSvg({ hue: p.hue, initials: p.initials, caption: p.brand })),
      'image/svg+xml',
    );
    rows.push({
      id: imageId,
      product_id: p.id,
      original_key: key,
      large_key: key,
      thumb_key: key,
      width: 800,
      height: 800,
      alt: p.title,
      position: 0,
    });
  }
  await tx`insert into product_images ${tx(rows)} on conflict (id) do nothing`;
}

/** The 36 hand-written products get a generated picture too, unless they already have one. */
async function seedHandWrittenImages(db: Db, media: MediaStore): Promise<void> {
  const hueOf = new Map(VOCABULARY.map((voc) => [voc.slug, voc.hue]));
  for (const item of DEMO_PRODUCTS) {
    const productId = demoProductId(item.n);
    const imageId = `01980000-0000-7000-8001-${item.n.toString(16).padStart(12, '0')}`;
    const key = `${imageId}/large.svg`;
    const initials = item.title
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
    const svg = demoImageSvg({
      hue: hueOf.get(item.category) ?? (item.n * 47) % 360,
      initials,
      caption: item.brand,
    });
    await media.put(key, Buffer.from(svg), 'image/svg+xml');
    await db`
      insert into product_images (id, product_id, original_key, large_key, thumb_key, width, height, alt, position)
      select ${imageId}, ${productId}, ${key}, ${key}, ${key}, 800, 800, ${item.title}, 0
      where exists (select 1 from products where id = ${productId})
      on conflict (id) do nothing`;
    await db`update products set image_url = ${`/api/media/${key}`} where id = ${productId} and image_url is null`;
  }
}
