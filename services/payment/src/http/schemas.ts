/** Route schema pieces shared by the payment routes. */
import { Type } from '@sinclair/typebox';

/** `:id` path parameters. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** The header every mutating intent route needs. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 255,
    description: 'Stripe semantics: replays answer the first result',
  }),
});

/** Paging. */
export const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

/** The currency to read a balance in. */
export const CurrencyQuery = Type.Object(
  {
    currency: Type.Union(
      [Type.Literal('KZT'), Type.Literal('USD'), Type.Literal('EUR'), Type.Literal('RUB')],
      { default: 'KZT' },
    ),
  },
  { additionalProperties: false },
);
