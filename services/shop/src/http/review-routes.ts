/** Review routes: read a product's reviews, write one after delivery, seller answers, admin hides. */
import { Review, ReviewPage, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { productReviews, sellerReviews } from '../reviews/list-reviews.ts';
import { answerReview, hideReview } from '../reviews/moderate-review.ts';
import { writeReview } from '../reviews/write-review.ts';

const paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
};

/** Registers the review routes. */
export function reviewRoutes(app: App, db: Db): void {
  app.get(
    '/products/:id/reviews',
    {
      config: { auth: { access: 'public', owns: 'public reviews (hidden ones for admins)' } },
      schema: {
        tags: ['reviews'],
        summary: "A product's reviews and rating",
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(paging, { additionalProperties: false }),
        response: { 200: ReviewPage },
      },
    },
    async (request) =>
      productReviews(db, request.params.id, request.principal, request.query.page, request.query.limit),
  );
  app.post(
    '/products/:id/reviews',
    {
      config: { auth: { access: ['customer'], owns: "the caller's own review" } },
      schema: {
        tags: ['reviews'],
        summary: 'Review a product the caller received',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            rating: Type.Integer({ minimum: 1, maximum: 5 }),
            title: Type.Optional(Type.String({ maxLength: 120 })),
            body: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Review },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await writeReview(db, principalOf(request), request.params.id, request.body)),
  );
  app.get(
    '/seller/reviews',
    {
      config: { auth: { access: ['seller'], owns: "reviews of the calling seller's own products" } },
      schema: {
        tags: ['reviews'],
        summary: "Reviews of the seller's products",
        querystring: Type.Object(
          { ...paging, unanswered: Type.Boolean({ default: false }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Composite([Review, Type.Object({ productTitle: Type.String() })])),
            total: Type.Integer(),
          }),
        },
      },
    },
    async (request) =>
      sellerReviews(
        db,
        principalOf(request),
        request.query.unanswered,
        request.query.page,
        request.query.limit,
      ),
  );
  app.put(
    '/seller/reviews/:id/answer',
    {
      config: { auth: { access: ['seller'], owns: "a review of the calling seller's own product" } },
      schema: {
        tags: ['reviews'],
        summary: 'Answer a review publicly',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Review },
      },
    },
    async (request) => answerReview(db, principalOf(request), request.params.id, request.body.body),
  );
  app.patch(
    '/admin/reviews/:id',
    {
      config: { auth: { access: ['admin'], owns: 'any review (moderation)' } },
      schema: {
        tags: ['reviews'],
        summary: 'Hide a review with a reason, or show it again',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { hidden: Type.Boolean(), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Review },
      },
    },
    async (request) => hideReview(db, request.params.id, request.body),
  );
}
