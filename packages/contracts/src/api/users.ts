/** The public API types of `users`: the account, the cabinet (addresses, payment methods), sellers. */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Locale, Role, Timestamp, Uuid } from '../primitives.ts';

export { KZ_CITIES, KZ_POSTAL_CODE } from '../kz.ts';

/** The signed-in account as `/me` shows it. */
export const Me = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Role),
    locale: Locale,
    currency: CurrencyCode,
    createdAt: Timestamp,
    emailVerified: Type.Boolean(),
    twoFactorEnabled: Type.Boolean(),
    depotId: Type.Union([Uuid, Type.Null()]),
    sortingCentreId: Type.Union([Uuid, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Me = Static<typeof Me>;

/** A delivery address of the caller. */
export const Address = Type.Object(
  {
    id: Uuid,
    label: Type.Union([Type.String(), Type.Null()]),
    recipient: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    city: Type.String(),
    street: Type.String(),
    postalCode: Type.String(),
    lat: Type.Union([Type.Number(), Type.Null()]),
    lng: Type.Union([Type.Number(), Type.Null()]),
    isDefault: Type.Boolean(),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
export type Address = Static<typeof Address>;

/** A saved card: the token `payment` issued and what it told about the card; never its number. */
export const PaymentMethod = Type.Object(
  {
    id: Uuid,
    token: Type.String(),
    brand: Type.String(),
    last4: Type.String({ pattern: '^[0-9]{4}$' }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer(),
    isDefault: Type.Boolean(),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
export type PaymentMethod = Static<typeof PaymentMethod>;

export const SellerApplicationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

/** A request to become a seller, and its decision. */
export const SellerApplication = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    shopName: Type.String(),
    legalName: Type.String(),
    bin: Type.String({ description: 'BIN or IIN, 12 digits' }),
    iban: Type.String(),
    contactEmail: Type.String(),
    contactPhone: Type.String(),
    status: SellerApplicationStatus,
    reason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    decidedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SellerApplication = Static<typeof SellerApplication>;
