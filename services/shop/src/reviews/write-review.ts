/** A customer who received a product reviews it; the product's rating and review count follow in the same transaction. */
import type { Review } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { ReviewExists, ReviewNotAllowed } from '../commerce-errors.ts';
import { hasReceived } from '../data/purchases-repo.ts';
import { insertReview, refreshRating, toReview } from '../data/reviews-repo.ts';
import { ProductNotFound } from '../errors.ts';

/** What the customer writes. */
export interface ReviewInput {
  rating: number;
  title?: string;
  body?: string;
}

/** Writes the caller's one review of the product. */
export async function writeReview(
  db: Db,
  customer: Principal,
  productId: string,
  input: ReviewInput,
): Promise<Review> {
  return withTransaction(db, async (tx) => {
    const [product] = await tx<{ id: string }[]>`select id from products where id = ${productId}`;
    if (!product) throw new ProductNotFound();
    if (!(await hasReceived(tx, customer.id, productId))) throw new ReviewNotAllowed();
    const row = await insertReview(tx, {
      id: uuidv7(),
      productId,
      customerId: customer.id,
      authorName: customer.name ?? customer.email?.split('@')[0] ?? 'Customer',
      rating: input.rating,
      title: input.title?.trim() ?? '',
      body: input.body?.trim() ?? '',
    });
    if (!row) throw new ReviewExists();
    await refreshRating(tx, productId);
    return toReview(row);
  });
}
