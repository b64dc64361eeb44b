/** Recommendation routes: a product page's lists and the customer's "for you". */
import { ProductRecommendations, RecommendedProduct, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { getForYou, getRecommendations } from '../recommendations/get-recommendations.ts';

/** Registers the recommendation routes. */
export function recommendationRoutes(app: App, db: Db): void {
  app.get(
    '/products/:id/recommendations',
    {
      config: { auth: { access: 'public', owns: 'public catalog data' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Bought together, similar, and popular in the category',
        params: Type.Object({ id: Uuid }),
        response: { 200: ProductRecommendations },
      },
    },
    async (request, reply) => {
      // Precomputed lists change slowly: a minute of shared caching spares the service most reads.
      void reply.header('cache-control', 'public, max-age=60');
      return getRecommendations(db, request.params.id);
    },
  );
  app.get(
    '/shop/for-you',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own purchase history" } },
      schema: {
        tags: ['recommendations'],
        summary: "Personal recommendations from the caller's history",
        response: { 200: Type.Object({ items: Type.Array(RecommendedProduct) }) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, max-age=60');
      return { items: await getForYou(db, principalOf(request).id) };
    },
  );
}
