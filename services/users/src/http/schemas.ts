/** Request and response schemas of the users API; the TypeScript types are inferred from them. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CurrencyCode, Locale, Me, Uuid } from '@sauda/contracts';
import type { Account } from '../data/accounts.ts';

/** An account as the API shows it (never the password hash or two-factor secrets). */
export const User = Me;
export type User = Me;

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

/** The password step of an account with two-factor on: send the code with this challenge next. */
export const TwoFactorChallenge = Type.Object(
  {
    twoFactorRequired: Type.Literal(true),
    challengeToken: Type.String({ description: 'single use, 5 minutes; for POST /auth/login/two-factor' }),
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
    emailVerified: account.emailVerifiedAt !== null,
    twoFactorEnabled: account.totpSecret !== null,
    depotId: account.depotId,
    sortingCentreId: account.sortingCentreId,
  };
}

export const SellerShop = Type.Object(
  { id: Uuid, name: Type.String(), productCount: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

/** Paging of admin lists. */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

/** A page of items and how many match in all. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object(
    { items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), limit: Type.Integer() },
    { additionalProperties: false },
  );
}

export { Password as PasswordField };
