/** Request and response schemas of the users API; the TypeScript types are inferred from them. */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Locale, Role, Timestamp, Uuid } from '@sauda/contracts';
import type { Account } from '../data/accounts.ts';

/** An account as the API shows it (never the password hash). */
export const User = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Role),
    locale: Locale,
    currency: CurrencyCode,
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const AuthAnswer = Type.Object(
  {
    accessToken: Type.String({ description: 'ES256 JWT, 15 minutes; send as `Authorization: Bearer …`' }),
    refreshToken: Type.String({ description: 'single use: each refresh answers a new one' }),
    user: User,
  },
  { additionalProperties: false },
);
export type AuthAnswer = Static<typeof AuthAnswer>;

const Email = Type.String({ format: 'email', maxLength: 254 });
// The upper bound keeps hashing cost bounded; rules beyond length are checked with a reason.
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    phone: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164' })),
    locale: Type.Optional(Locale),
    currency: Type.Optional(CurrencyCode),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });

export const RefreshTokenBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

/** The API view of an account. */
export function userView(account: Account): User {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    phone: account.phone,
    roles: account.roles,
    locale: account.locale,
    currency: account.currency,
    createdAt: account.createdAt.toISOString(),
  };
}

export const SellerShop = Type.Object(
  { id: Uuid, name: Type.String(), productCount: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
