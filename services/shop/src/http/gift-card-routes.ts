/** Gift card routes: admin issue and ledger, checkout redemption and refund, redemption into the wallet. */
import { GiftCard, GiftCardLedgerEntry, Money, Timestamp, Uuid } from '@sauda/contracts';
import { actingCustomer, principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { v7 as uuidv7 } from 'uuid';
import { disableGiftCard, giftCardWithLedger, listGiftCardPage } from '../gift-cards/manage-gift-cards.ts';
import { issueGiftCard } from '../gift-cards/issue-gift-card.ts';
import { redeemGiftCard } from '../gift-cards/redeem-gift-card.ts';
import { redeemToWallet } from '../gift-cards/redeem-to-wallet.ts';
import { refundGiftCard } from '../gift-cards/refund-gift-card.ts';

const adminOnly = { auth: { access: ['admin'], owns: 'marketplace gift cards' } } as const;
const code = Type.String({ minLength: 4, maxLength: 40 });
const idempotency = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});
const Redemption = Type.Object({ redemptionId: Uuid, giftCardId: Uuid, amount: Money, balance: Money });

/** Registers the gift card routes. */
export function giftCardRoutes(app: App, db: Db): void {
  app.get(
    '/admin/gift-cards',
    {
      config: adminOnly,
      schema: {
        tags: ['gift cards'],
        summary: 'List gift cards',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 40 })),
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(GiftCard), total: Type.Integer() }) },
      },
    },
    async (request) => listGiftCardPage(db, request.query.q, request.query.page, request.query.limit),
  );
  app.post(
    '/admin/gift-cards',
    {
      config: adminOnly,
      schema: {
        tags: ['gift cards'],
        summary: 'Issue a gift card',
        body: Type.Object(
          {
            amount: Type.Object(
              {
                amount: Type.Integer({ minimum: 100, maximum: 100_000_000_00 }),
                currency: Money.properties.currency,
              },
              { additionalProperties: false },
            ),
            code: Type.Optional(Type.String({ minLength: 6, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
            expiresAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
            note: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: GiftCard },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueGiftCard(db, principalOf(request), request.body)),
  );
  app.get(
    '/admin/gift-cards/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['gift cards'],
        summary: 'A gift card with its ledger',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ card: GiftCard, ledger: Type.Array(GiftCardLedgerEntry) }) },
      },
    },
    async (request) => giftCardWithLedger(db, request.params.id),
  );
  app.post(
    '/admin/gift-cards/:id/disable',
    {
      config: adminOnly,
      schema: {
        tags: ['gift cards'],
        summary: 'Disable a gift card',
        params: Type.Object({ id: Uuid }),
        response: { 200: GiftCard },
      },
    },
    async (request) => disableGiftCard(db, request.params.id),
  );
  app.post(
    '/gift-cards/redemptions',
    {
      config: {
        auth: {
          access: 'authenticated',
          owns: "the calling customer's order (a service: the customer it names; internal)",
        },
      },
      schema: {
        tags: ['gift cards'],
        summary: 'Spend part of a gift card on an order (idempotent by key)',
        body: Type.Object(
          {
            customerId: Type.Optional(Uuid),
            code,
            amount: Money,
            orderId: Uuid,
            idempotencyKey: Type.String({ minLength: 8, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Redemption },
      },
    },
    async (request) => {
      const { customerId, ...body } = request.body;
      return redeemGiftCard(db, { ...body, customerId: actingCustomer(request, customerId) });
    },
  );
  app.post(
    '/admin/gift-cards/redemptions/:id/refunds',
    {
      config: adminOnly,
      schema: {
        tags: ['gift cards'],
        summary: 'Refund (part of) a redemption to its card (idempotent by key)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            amount: Type.Optional(Type.Integer({ minimum: 1 })),
            idempotencyKey: Type.String({ minLength: 8, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ refundId: Uuid, amount: Money, balance: Money }) },
      },
    },
    async (request) => refundGiftCard(db, { redemptionId: request.params.id, ...request.body }),
  );
  app.post(
    '/shop/gift-cards/redeem',
    {
      config: { auth: { access: ['customer'], owns: "the caller's own wallet" } },
      schema: {
        tags: ['gift cards'],
        summary: "Redeem a gift card's balance into the caller's wallet",
        headers: idempotency,
        body: Type.Object({ code }, { additionalProperties: false }),
        response: { 200: Type.Object({ redemptionId: Uuid, amount: Money }) },
      },
    },
    async (request) =>
      redeemToWallet(db, principalOf(request), {
        code: request.body.code,
        idempotencyKey: request.headers['idempotency-key'] ?? uuidv7(),
      }),
  );
}
