/** Reads reviews: a product's page (with whether the caller may write one) and a seller's inbox. */
import type { Review, ReviewPage } from '@sauda/contracts';
import { hasRole, type Db, type Principal } from '@sauda/kit';
import { hasReceived } from '../data/purchases-repo.ts';
import { hasReviewed, listProductReviews, listSellerReviews, toReview } from '../data/reviews-repo.ts';

/** One page of a product's reviews; admins also see hidden ones. */
export async function productReviews(
  db: Db,
  productId: string,
  caller: Principal | undefined,
  page: number,
  limit: number,
): Promise<ReviewPage> {
  const r = await listProductReviews(db, productId, hasRole(caller, 'admin'), limit, (page - 1) * limit);
  const canReview =
    caller !== undefined &&
    (await hasReceived(db, caller.id, productId)) &&
    !(await hasReviewed(db, caller.id, productId));
  return {
    items: r.rows.map(toReview),
    total: r.total,
    rating: r.rating,
    reviewCount: r.count,
    distribution: r.distribution,
    canReview,
  };
}

/** Reviews of the calling seller's products. */
export async function sellerReviews(
  db: Db,
  seller: Principal,
  unansweredOnly: boolean,
  page: number,
  limit: number,
): Promise<{ items: Array<Review & { productTitle: string }>; total: number }> {
  const { rows, total } = await listSellerReviews(db, seller.id, unansweredOnly, limit, (page - 1) * limit);
  return { items: rows.map((r) => ({ ...toReview(r), productTitle: r.product_title })), total };
}
