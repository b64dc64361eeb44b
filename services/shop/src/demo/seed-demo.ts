/** Seeds the demo catalog on first start in demo mode; safe to run on every start (fixed ids, no duplicates). */
import { DEMO_IDS, demoProductId, demoVariantId } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { upsertCategory } from '../data/categories-repo.ts';
import { refreshFromPrice } from '../data/variants-repo.ts';
import { announceProduct } from '../products/announce-product.ts';
import { slugify } from '../products/slug.ts';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from './catalog.ts';

const DEMO_SELLER_NAME = 'Altyn Bazaar';

/** Inserts what is missing of the hand-written demo catalog and announces each new product. Returns how many were new. */
export async function seedDemo(db: Db): Promise<number> {
  return withTransaction(db, async (tx) => {
    const ids = new Map(DEMO_CATEGORIES.map((cat) => [cat.slug, cat.id]));
    for (const [position, cat] of DEMO_CATEGORIES.entries()) {
      await upsertCategory(tx, {
        id: cat.id,
        slug: cat.slug,
        parentId: cat.parent ? (ids.get(cat.parent) ?? null) : null,
        names: cat.names,
        position,
      });
    }
    let created = 0;
    for (const item of DEMO_PRODUCTS) {
      const id = demoProductId(item.n);
      // Spread creation times over the past weeks so "newest" sorting shows something real.
      const createdAt = new Date(Date.UTC(2026, 9, 1) + item.n * 36 * 3600_000);
      const [row] = await tx<{ id: string; slug: string }[]>`
        insert into products (id, seller_id, seller_name, slug, title, description, brand, category_id, price_amount,
                              currency, status, rating, popularity, attributes, created_at, updated_at)
        values (${id}, ${DEMO_IDS.seller}, ${DEMO_SELLER_NAME}, ${slugify(item.title)}, ${item.title}, ${item.description},
                ${item.brand}, ${ids.get(item.category) ?? null}, ${item.price}, 'KZT', 'active', ${item.rating},
                ${item.popularity}, ${tx.json(item.attributes)}, ${createdAt}, ${createdAt})
        on conflict (id) do nothing
        returning id, slug`;
      if (!row) continue;
      created += 1;
      // Variant 1 has the id stock seeds its levels for (contracts/demo.ts `demoVariantId`).
      await tx`
        insert into product_variants (id, product_id, seller_id, sku, options, price_amount, weight_grams, position)
        values (${demoVariantId(item.n)}, ${id}, ${DEMO_IDS.seller}, ${`DEMO-${String(item.n).padStart(3, '0')}`},
                ${tx.json(item.attributes.colour ? { colour: item.attributes.colour } : {})}, ${item.price}, 500, 0)
        on conflict (id) do nothing`;
      await refreshFromPrice(tx, [id]);
      await announceProduct(tx, id, 'created');
    }
    return created;
  });
}
