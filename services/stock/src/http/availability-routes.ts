/** Read-only answers for `orders`: available units per variant (cart notices) and the pickup depots. */
import { Uuid } from '@sauda/contracts';
import type { App, Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { availabilityOf } from '../data/availability-repo.ts';

const PickupDepot = Type.Object({
  id: Uuid,
  name: Type.String(),
  city: Type.String(),
  countryCode: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
});

/** Registers POST /availability (services) and GET /depots (public). */
export function availabilityRoutes(app: App, db: Db): void {
  app.post(
    '/availability',
    {
      config: {
        auth: { access: ['service', 'admin'], owns: 'nothing private: unit counts (internal, orders)' },
      },
      schema: {
        tags: ['availability'],
        summary: 'Units available to sell now per variant, over every open depot',
        body: Type.Object(
          { variantIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ variantId: Uuid, available: Type.Integer({ minimum: 0 }) })),
          }),
        },
      },
    },
    async (request) => {
      const byDepot = await availabilityOf(db, request.body.variantIds);
      const items = [...new Set(request.body.variantIds)].map((variantId) => {
        let available = 0;
        for (const depot of byDepot.values()) available += Math.max(0, depot.get(variantId) ?? 0);
        return { variantId, available };
      });
      return { items };
    },
  );
  app.get(
    '/depots',
    {
      config: {
        auth: { access: 'public', owns: 'nothing private: open depots, where orders may be collected' },
      },
      schema: {
        tags: ['availability'],
        summary: 'Open depots (pickup points)',
        response: { 200: Type.Array(PickupDepot) },
      },
    },
    async () =>
      db<Array<{ id: string; name: string; city: string; countryCode: string; lat: number; lng: number }>>`
        select id, name, city, country_code as "countryCode", lat, lng from depots where active order by code`,
  );
}
