/** SQL for the precomputed recommendation tables and the product summaries they point at. */
import type { RecommendedProduct } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  /** bigint: a string from a plain query, a number from json_agg. */
  price_amount: string | number;
  currency: RecommendedProduct['price']['currency'];
  image_url: string | null;
  rating: string | number | null;
}

const toSummary = (r: SummaryRow): RecommendedProduct => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  price: { amount: Number(r.price_amount), currency: r.currency },
  imageUrl: r.image_url,
  rating: r.rating === null ? null : Number(r.rating),
});

/** Counts one more (delta 1) or one less (delta -1) order containing every pair of these products. */
export async function countCoPurchases(db: Queryable, productIds: string[], delta: 1 | -1): Promise<void> {
  if (productIds.length < 2) return;
  if (delta === 1) {
    await db`
      insert into co_purchases (product_id, other_id, orders)
      select a, b, 1 from unnest(${productIds}::uuid[]) a, unnest(${productIds}::uuid[]) b where a <> b
      on conflict (product_id, other_id) do update set orders = co_purchases.orders + 1`;
  } else {
    await db`
      update co_purchases set orders = orders - 1
      where product_id = any(${productIds}::uuid[]) and other_id = any(${productIds}::uuid[])
        and product_id <> other_id and orders > 0`;
  }
}

const VISIBLE = "p.status = 'active' and p.hidden_at is null";
const SUMMARY = (db: Queryable): Fragment =>
  db`p.id, p.slug, p.title, p.price_amount, p.currency, p.image_url, p.rating`;

function neighbourQuery(
  db: Queryable,
  kind: 'bought-together' | 'similar',
  productId: string,
  limit: number,
): Fragment {
  const source =
    kind === 'bought-together'
      ? db`(select other_id, orders::real as rank from co_purchases where product_id = ${productId} and orders > 0)`
      : db`(select other_id, score as rank from similar_products where product_id = ${productId})`;
  return db`
    select ${SUMMARY(db)} from ${source} n join products p on p.id = n.other_id
    where ${db.unsafe(VISIBLE)} order by n.rank desc, p.id limit ${limit}`;
}

function popularQuery(db: Queryable, productId: string, limit: number): Fragment {
  return db`
    select ${SUMMARY(db)} from products p
    where p.category_id = (select category_id from products where id = ${productId})
      and p.id <> ${productId} and ${db.unsafe(VISIBLE)}
    order by p.popularity desc, p.id limit ${limit}`;
}

/** All three lists of a product page in one round trip to the database. */
export async function productLists(
  db: Queryable,
  productId: string,
  limit: number,
): Promise<{
  boughtTogether: RecommendedProduct[];
  similar: RecommendedProduct[];
  popular: RecommendedProduct[];
}> {
  const list = (query: Fragment) => db`(select coalesce(json_agg(r), '[]') from (${query}) r)`;
  const [row] = await db<{ bought: SummaryRow[]; similar: SummaryRow[]; popular: SummaryRow[] }[]>`
    select ${list(neighbourQuery(db, 'bought-together', productId, limit))} as bought,
           ${list(neighbourQuery(db, 'similar', productId, limit))} as similar,
           ${list(popularQuery(db, productId, limit))} as popular`;
  return {
    boughtTogether: (row?.bought ?? []).map(toSummary),
    similar: (row?.similar ?? []).map(toSummary),
    popular: (row?.popular ?? []).map(toSummary),
  };
}

/** Products ranked by how strongly they relate to the given ones (co-purchases weigh more than similarity). */
export async function relatedToMany(
  db: Queryable,
  productIds: string[],
  exclude: string[],
  limit: number,
): Promise<RecommendedProduct[]> {
  const rows = await db<SummaryRow[]>`
    with related as (
      select other_id as id, sum(orders) * 2.0 as score from co_purchases
      where product_id = any(${productIds}::uuid[]) and orders > 0 group by other_id
      union all
      select other_id, sum(score) from similar_products where product_id = any(${productIds}::uuid[]) group by other_id
    ), ranked as (select id, sum(score) as score from related group by id)
    select ${SUMMARY(db)}
    from ranked r join products p on p.id = r.id
    where not (p.id = any(${exclude}::uuid[])) and ${db.unsafe(VISIBLE)}
    order by r.score desc, p.popularity desc, p.id limit ${limit}`;
  return rows.map(toSummary);
}

/** The most popular products overall: the cold-start answer. */
export async function popularOverall(
  db: Queryable,
  exclude: string[],
  limit: number,
): Promise<RecommendedProduct[]> {
  const rows = await db<SummaryRow[]>`
    select ${SUMMARY(db)} from products p
    where ${db.unsafe(VISIBLE)} and not (p.id = any(${exclude}::uuid[]))
    order by p.popularity desc, p.created_at desc, p.id limit ${limit}`;
  return rows.map(toSummary);
}

/** Candidates scored per product: the most popular of its category, and title look-alikes when it has none. */
const CANDIDATES = 120;

/**
 * Precomputes "similar products" for up to `batch` products that have none yet, walking products by id after
 * `afterId`. Each product scores a bounded set of candidates — the most popular products of its own category
 * (an index walk), or, for a product without a category, the nearest titles by trigram (index-assisted) — by
 * title similarity, same category and shared attribute values. Bounded so that the cost per product does not
 * grow with the catalog: at 1,000,000 products the unbounded form scored a whole category (or scanned every
 * title) for each product. Returns the last product id of the batch (null when none was left).
 */
export async function computeSimilar(
  db: Queryable,
  afterId: string,
  batch: number,
  perProduct = 12,
): Promise<{ lastId: string | null }> {
  const rows = await db<{ last_id: string | null }[]>`
    with todo as (
      select p.id, p.title, p.category_id, p.attributes from products p
      where p.id > ${afterId} and ${db.unsafe(VISIBLE)}
        and not exists (select 1 from similar_products s where s.product_id = p.id)
      order by p.id limit ${batch}
    ), scored as (
      select t.id as product_id, q.id as other_id, q.score
      from todo t cross join lateral (
        select o.id,
          (similarity(lower(t.title), lower(o.title))
           + case when o.category_id = t.category_id then 0.5 else 0 end
           + 0.1 * (select count(*) from jsonb_each_text(t.attributes) e where o.attributes ->> e.key = e.value))::real as score
        from (
          (select c.id, c.title, c.category_id, c.attributes from products c
           where t.category_id is not null and c.category_id = t.category_id and c.id <> t.id
             and c.status = 'active' and c.hidden_at is null
           order by c.popularity desc, c.id limit ${CANDIDATES})
          union all
          (select c.id, c.title, c.category_id, c.attributes from products c
           where t.category_id is null and lower(c.title) % lower(t.title) and c.id <> t.id
             and c.status = 'active' and c.hidden_at is null
           limit ${CANDIDATES})
        ) o
        order by score desc, o.id limit ${perProduct}
      ) q
    ), inserted as (
      insert into similar_products (product_id, other_id, score) select product_id, other_id, score from scored
      on conflict (product_id, other_id) do update set score = excluded.score
      returning product_id
    )
    select (select max(id::text) from todo) as last_id, (select count(*) from inserted) as written`;
  return { lastId: rows[0]?.last_id ?? null };
}
