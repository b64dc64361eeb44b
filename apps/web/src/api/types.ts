/** Money as the API sends it: integer minor units plus an ISO 4217 currency code. */
export interface Money {
  amount: number;
  currency: string;
}

/** The roles the platform knows; the API may add more, so user.roles stays string[]. */
export const ROLES = [
  'customer',
  'seller',
  'admin',
  'warehouseman',
  'driver',
  'dispatcher',
  'support',
] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as the auth endpoints return it. */
export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  locale?: string;
  currency?: string;
}

/** The answer of login, register and refresh. */
export interface AuthAnswer {
  accessToken: string;
  refreshToken: string;
  user: User;
}
