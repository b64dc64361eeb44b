/** The users service's error catalogue: CODE → HTTP status → title. The kit adds its own (RATE_LIMITED, …). */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** Registration with an address that already has an account (registration must say so; login never does). */
export const EmailTaken = errorType('EMAIL_TAKEN', 409, 'An account with this email already exists');
/** The chosen password breaks a rule; `reason` says which one. */
export const WeakPassword = errorType('WEAK_PASSWORD', 400, 'The password is too weak');
/** Unknown email or wrong password, deliberately indistinguishable. */
export const InvalidCredentials = errorType('INVALID_CREDENTIALS', 401, 'The email or password is wrong');
/** The account exists, the password is right, but the account is blocked. */
export const AccountBlocked = errorType('ACCOUNT_BLOCKED', 403, 'This account is blocked');
/** The refresh token is unknown, expired or revoked: sign in again. */
export const InvalidRefreshToken = errorType(
  'INVALID_REFRESH_TOKEN',
  401,
  'The session has ended; sign in again',
);
/** An already-rotated refresh token came back: the session family is revoked as possibly stolen. */
export const RefreshTokenReused = errorType(
  'REFRESH_TOKEN_REUSED',
  401,
  'This refresh token was already used; the session was ended for safety',
);
/** The signed-in account no longer exists. */
export const AccountNotFound = errorType('ACCOUNT_NOT_FOUND', 404, 'The account does not exist');
/** No seller with this id. */
export const SellerNotFound = errorType('SELLER_NOT_FOUND', 404, 'No such seller');

export const usersErrors: ErrorCatalogue = [
  EmailTaken,
  WeakPassword,
  InvalidCredentials,
  AccountBlocked,
  InvalidRefreshToken,
  RefreshTokenReused,
  AccountNotFound,
  SellerNotFound,
];
