/** Shared value types: ids, money, codes. Declared once; types are inferred from the schemas. */
import { Type, type Static } from '@sinclair/typebox';

/** A UUID (we mint v7: time-ordered, index-friendly). */
export const Uuid = Type.String({ format: 'uuid', description: 'UUID (v7 when minted by Sauda)' });
export type Uuid = Static<typeof Uuid>;

/** ISO 4217 currency code. */
export const CurrencyCode = Type.Union(
  [Type.Literal('KZT'), Type.Literal('USD'), Type.Literal('EUR'), Type.Literal('RUB')],
  { description: 'ISO 4217 currency code' },
);
export type CurrencyCode = Static<typeof CurrencyCode>;

/** Money as integer minor units plus currency; never a float. 12 500.00 ₸ = { amount: 1250000, currency: 'KZT' }. */
export const Money = Type.Object(
  {
    amount: Type.Integer({ description: 'integer minor units (tiyn, cents, kopecks)' }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
export type Money = Static<typeof Money>;

/** The roles an account may hold. */
export const Role = Type.Union([
  Type.Literal('customer'),
  Type.Literal('seller'),
  Type.Literal('admin'),
  Type.Literal('warehouseman'),
  Type.Literal('driver'),
  Type.Literal('dispatcher'),
  Type.Literal('support'),
  Type.Literal('service'),
]);
export type Role = Static<typeof Role>;

/** The roles a person's account may hold: every role but `service` (machine callers only, see ADR 0004). */
export const AccountRole = Type.Union([
  Type.Literal('customer'),
  Type.Literal('seller'),
  Type.Literal('admin'),
  Type.Literal('warehouseman'),
  Type.Literal('driver'),
  Type.Literal('dispatcher'),
  Type.Literal('support'),
]);
export type AccountRole = Static<typeof AccountRole>;

/** Interface languages. */
export const Locale = Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('kk')]);
export type Locale = Static<typeof Locale>;

/** ISO 8601 timestamp with zone. */
export const Timestamp = Type.String({ format: 'date-time' });
