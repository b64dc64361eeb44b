/** SQL for reviews and the product rating aggregates they feed. */
import type { Review } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export interface ReviewRow {
  id: string;
  product_id: string;
  customer_id: string;
  author_name: string;
  rating: number;
  title: string;
  body: string;
  hidden: boolean;
  hidden_reason: string | null;
  answer: string | null;
  answered_at: Date | null;
  created_at: Date;
}

/** The API shape. */
export function toReview(r: ReviewRow): Review {
  return {
    id: r.id,
    productId: r.product_id,
    customerId: r.customer_id,
    authorName: r.author_name,
    rating: r.rating,
    title: r.title,
    body: r.body,
    hidden: r.hidden,
    hiddenReason: r.hidden_reason,
    answer: r.answer && r.answered_at ? { body: r.answer, answeredAt: r.answered_at.toISOString() } : null,
    createdAt: r.created_at.toISOString(),
  };
}

/** Inserts a review; the (product, customer) unique constraint turns a second one into undefined. */
export async function insertReview(
  db: Queryable,
  r: {
    id: string;
    productId: string;
    customerId: string;
    authorName: string;
    rating: number;
    title: string;
    body: string;
    createdAt?: Date;
  },
): Promise<ReviewRow | undefined> {
  const [row] = await db<ReviewRow[]>`
    insert into reviews (id, product_id, customer_id, author_name, rating, title, body, created_at)
    values (${r.id}, ${r.productId}, ${r.customerId}, ${r.authorName}, ${r.rating}, ${r.title}, ${r.body},
            ${r.createdAt ?? new Date()})
    on conflict do nothing returning *`;
  return row;
}

/** One review with the seller of its product. */
export async function findReview(
  db: Queryable,
  id: string,
): Promise<(ReviewRow & { seller_id: string }) | undefined> {
  const [row] = await db<(ReviewRow & { seller_id: string })[]>`
    select r.*, p.seller_id from reviews r join products p on p.id = r.product_id where r.id = ${id}`;
  return row;
}

/** Sets the seller's answer. */
export async function setAnswer(db: Queryable, id: string, answer: string): Promise<ReviewRow | undefined> {
  const [row] = await db<ReviewRow[]>`
    update reviews set answer = ${answer}, answered_at = now(), updated_at = now() where id = ${id} returning *`;
  return row;
}

/** Hides or shows a review. */
export async function setHidden(
  db: Queryable,
  id: string,
  hidden: boolean,
  reason: string | null,
): Promise<ReviewRow | undefined> {
  const [row] = await db<ReviewRow[]>`
    update reviews set hidden = ${hidden}, hidden_reason = ${hidden ? reason : null}, updated_at = now()
    where id = ${id} returning *`;
  return row;
}

/** Recomputes the product's rating and review count from its visible reviews, in the caller's transaction. */
export async function refreshRating(db: Queryable, productId: string): Promise<void> {
  await db`
    update products p set rating = s.rating, review_count = s.n
    from (select round(avg(rating)::numeric, 1) as rating, count(*)::int as n
          from reviews where product_id = ${productId} and not hidden) s
    where p.id = ${productId}`;
}

/** Visible reviews of a product (all of them for staff), newest first, with the star distribution. */
export async function listProductReviews(
  db: Queryable,
  productId: string,
  includeHidden: boolean,
  limit: number,
  offset: number,
): Promise<{
  rows: ReviewRow[];
  total: number;
  distribution: number[];
  rating: number | null;
  count: number;
}> {
  const visible = includeHidden ? db`true` : db`not hidden`;
  const rows = await db<(ReviewRow & { total: number })[]>`
    select *, count(*) over ()::int as total from reviews where product_id = ${productId} and ${visible}
    order by created_at desc, id limit ${limit} offset ${offset}`;
  const stars = await db<{ rating: number; n: number }[]>`
    select rating, count(*)::int as n from reviews where product_id = ${productId} and not hidden group by rating`;
  const [agg] = await db<{ rating: string | null; review_count: number }[]>`
    select rating, review_count from products where id = ${productId}`;
  const distribution = [1, 2, 3, 4, 5].map((s) => stars.find((r) => r.rating === s)?.n ?? 0);
  return {
    rows,
    total: rows[0]?.total ?? 0,
    distribution,
    rating: agg?.rating == null ? null : Number(agg.rating),
    count: agg?.review_count ?? 0,
  };
}

/** Reviews of a seller's products, unanswered first when asked. */
export async function listSellerReviews(
  db: Queryable,
  sellerId: string,
  unansweredOnly: boolean,
  limit: number,
  offset: number,
): Promise<{ rows: Array<ReviewRow & { product_title: string }>; total: number }> {
  const filter = unansweredOnly ? db`and r.answer is null` : db``;
  const rows = await db<(ReviewRow & { product_title: string; total: number })[]>`
    select r.*, p.title as product_title, count(*) over ()::int as total
    from reviews r join products p on p.id = r.product_id
    where p.seller_id = ${sellerId} and not r.hidden ${filter}
    order by r.created_at desc, r.id limit ${limit} offset ${offset}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** True when the customer already reviewed the product. */
export async function hasReviewed(db: Queryable, customerId: string, productId: string): Promise<boolean> {
  const [row] = await db<{ ok: boolean }[]>`
    select exists (select 1 from reviews where customer_id = ${customerId} and product_id = ${productId}) as ok`;
  return row?.ok ?? false;
}
