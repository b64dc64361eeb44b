/** Promo code routes: admin CRUD, and the checkout reservation `orders` makes for the customer. */
import { NewPromo, Promo, PromoPatch, Uuid } from '@sauda/contracts';
import { actingCustomer, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { changePromo, createPromo, getPromo, listPromoCodes } from '../promos/manage-promos.ts';
import { reservePromos } from '../promos/reserve-promos.ts';

const adminOnly = { auth: { access: ['admin'], owns: 'marketplace promo codes' } } as const;
const idParam = Type.Object({ id: Uuid });

/** Registers the promo routes. */
export function promoRoutes(app: App, db: Db): void {
  app.get(
    '/admin/promos',
    {
      config: adminOnly,
      schema: {
        tags: ['promos'],
        summary: 'List promo codes',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 40 })),
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Promo), total: Type.Integer() }) },
      },
    },
    async (request) => listPromoCodes(db, request.query.q, request.query.page, request.query.limit),
  );
  app.post(
    '/admin/promos',
    {
      config: adminOnly,
      schema: { tags: ['promos'], summary: 'Create a promo code', body: NewPromo, response: { 201: Promo } },
    },
    async (request, reply) => reply.status(201).send(await createPromo(db, request.body)),
  );
  app.get(
    '/admin/promos/:id',
    {
      config: adminOnly,
      schema: { tags: ['promos'], summary: 'One promo code', params: idParam, response: { 200: Promo } },
    },
    async (request) => getPromo(db, request.params.id),
  );
  app.patch(
    '/admin/promos/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['promos'],
        summary: "Change a promo code's terms",
        params: idParam,
        body: PromoPatch,
        response: { 200: Promo },
      },
    },
    async (request) => changePromo(db, request.params.id, request.body),
  );
  app.post(
    '/promo-reservations',
    {
      config: {
        auth: {
          access: 'authenticated',
          owns: "the calling customer's order (a service: the customer it names; internal)",
        },
      },
      schema: {
        tags: ['promos'],
        summary: 'Reserve promo codes for an order at checkout (all or none)',
        body: Type.Object(
          {
            orderId: Uuid,
            customerId: Type.Optional(Uuid),
            codes: Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { minItems: 1, maxItems: 5 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ reserved: Type.Array(Type.String()) }) },
      },
    },
    async (request) =>
      reservePromos(db, {
        orderId: request.body.orderId,
        customerId: actingCustomer(request, request.body.customerId),
        codes: request.body.codes,
      }),
  );
}
