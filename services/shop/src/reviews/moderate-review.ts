/** The seller answers a review of their product; an admin hides or shows a review (the rating follows). */
import type { Review } from '@sauda/contracts';
import { assertOwner, withTransaction, type Db, type Principal } from '@sauda/kit';
import { ReviewNotFound } from '../commerce-errors.ts';
import { findReview, refreshRating, setAnswer, setHidden, toReview } from '../data/reviews-repo.ts';

/** Sets (or replaces) the seller's public answer; only the product's seller may answer. */
export async function answerReview(
  db: Db,
  seller: Principal,
  reviewId: string,
  body: string,
): Promise<Review> {
  const review = await findReview(db, reviewId);
  if (!review) throw new ReviewNotFound();
  assertOwner(seller, review.seller_id);
  const row = await setAnswer(db, reviewId, body.trim());
  if (!row) throw new ReviewNotFound();
  return toReview(row);
}

/** Hides a review with a reason (or shows it again) and recomputes the product's rating. */
export async function hideReview(
  db: Db,
  reviewId: string,
  input: { hidden: boolean; reason?: string },
): Promise<Review> {
  return withTransaction(db, async (tx) => {
    const row = await setHidden(tx, reviewId, input.hidden, input.reason ?? null);
    if (!row) throw new ReviewNotFound();
    await refreshRating(tx, row.product_id);
    return toReview(row);
  });
}
