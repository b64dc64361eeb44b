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
/** A service client id or secret that users does not know (ADR 0004). */
export const InvalidClient = errorType('INVALID_CLIENT', 401, 'Unknown service client or wrong secret');
/** The signed-in account no longer exists. */
export const AccountNotFound = errorType('ACCOUNT_NOT_FOUND', 404, 'The account does not exist');
/** No seller with this id. */
export const SellerNotFound = errorType('SELLER_NOT_FOUND', 404, 'No such seller');

/** A password reset or email verification link that is unknown, used or expired. */
export const InvalidLinkToken = errorType('INVALID_TOKEN', 400, 'This link is invalid or has expired');
/** The current password given to confirm a change is wrong. */
export const WrongPassword = errorType('WRONG_PASSWORD', 403, 'The current password is wrong');
/** The second sign-in step's challenge is unknown, used up or expired: sign in again. */
export const InvalidChallenge = errorType('INVALID_CHALLENGE', 401, 'The sign-in has expired; start again');
/** The two-factor code (or recovery code) is wrong or was already used. */
export const InvalidTwoFactorCode = errorType(
  'INVALID_TWO_FACTOR_CODE',
  401,
  'The code is wrong or was already used',
);
/** Two-factor is already on (turn it off first), or off when asked to change it. */
export const TwoFactorState = errorType(
  'TWO_FACTOR_STATE',
  409,
  'Two-factor sign-in is not in the needed state',
);
/** The email is already verified. */
export const EmailAlreadyVerified = errorType('EMAIL_ALREADY_VERIFIED', 409, 'The email is already verified');
/** An address breaks a rule (city, postal code, coordinates); `field` says which. */
export const InvalidAddress = errorType('INVALID_ADDRESS', 400, 'The address is not valid');
/** No such address among the caller's. */
export const AddressNotFound = errorType('ADDRESS_NOT_FOUND', 404, 'No such address');
/** The per-account limit of addresses or saved cards is reached. */
export const LimitReached = errorType('LIMIT_REACHED', 409, 'The limit of saved items is reached');
/** payment does not know the card token, or it belongs to someone else. */
export const PaymentTokenInvalid = errorType('PAYMENT_TOKEN_INVALID', 422, 'The card token is not valid');
/** The card has expired. */
export const CardExpired = errorType('CARD_EXPIRED', 422, 'The card has expired');
/** No such saved card among the caller's. */
export const PaymentMethodNotFound = errorType('PAYMENT_METHOD_NOT_FOUND', 404, 'No such saved card');
/** A seller application field fails its check (BIN/IIN check digit, IBAN); `field` says which. */
export const InvalidApplication = errorType('INVALID_APPLICATION', 400, 'The application is not valid');
/** The caller already has a pending application or already is a seller. */
export const ApplicationExists = errorType(
  'APPLICATION_EXISTS',
  409,
  'An application is already pending or approved',
);
/** No such seller application. */
export const ApplicationNotFound = errorType('APPLICATION_NOT_FOUND', 404, 'No such seller application');
/** The application was already decided. */
export const ApplicationDecided = errorType(
  'APPLICATION_DECIDED',
  409,
  'This application was already decided',
);
/** An admin may not take away their own admin role or block themselves (no lock-out). */
export const SelfLockout = errorType('SELF_LOCKOUT', 409, 'You cannot remove your own admin access');
/** The account is already in the asked status. */
export const StatusUnchanged = errorType('STATUS_UNCHANGED', 409, 'The account is already in this status');
/** Staff sites only fit their roles: depots for warehousemen, sorting centres for drivers. */
export const SiteRoleMismatch = errorType(
  'SITE_ROLE_MISMATCH',
  409,
  'This site does not fit the account roles',
);
/** Too many mails of this kind were asked for recently. */
export const TooManyRequests = errorType('TOO_MANY_MAILS', 429, 'Too many requests of this kind; try later');

export const usersErrors: ErrorCatalogue = [
  InvalidClient,
  EmailTaken,
  WeakPassword,
  InvalidCredentials,
  AccountBlocked,
  InvalidRefreshToken,
  RefreshTokenReused,
  AccountNotFound,
  SellerNotFound,
  InvalidLinkToken,
  WrongPassword,
  InvalidChallenge,
  InvalidTwoFactorCode,
  TwoFactorState,
  EmailAlreadyVerified,
  InvalidAddress,
  AddressNotFound,
  LimitReached,
  PaymentTokenInvalid,
  CardExpired,
  PaymentMethodNotFound,
  InvalidApplication,
  ApplicationExists,
  ApplicationNotFound,
  ApplicationDecided,
  SelfLockout,
  StatusUnchanged,
  SiteRoleMismatch,
  TooManyRequests,
];
