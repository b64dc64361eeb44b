/**
 * Errors from a catalogue: every error a service answers has a stable CODE, an HTTP status and a title.
 * Code throws `new EmailTaken()`, never `new Error('…')`; the error handler turns it into problem+json.
 */

/** What a catalogue entry says: the stable code, the status it maps to and a human title. */
export interface ErrorSpec {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

/** Base class of every expected error: carries its catalogue entry, an optional detail and extra fields. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  constructor(
    spec: ErrorSpec,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? spec.title);
    this.name = spec.code;
    this.code = spec.code;
    this.status = spec.status;
    this.title = spec.title;
  }
}

/** The class an `errorType()` call returns: constructible, with its spec readable as static fields. */
export interface AppErrorClass extends ErrorSpec {
  new (detail?: string, extra?: Record<string, unknown>): AppError;
}

/** Declares one catalogue entry as a throwable class: `export const EmailTaken = errorType('EMAIL_TAKEN', 409, '…')`. */
export function errorType(code: string, status: number, title: string): AppErrorClass {
  const spec: ErrorSpec = { code, status, title };
  const cls = class extends AppError {
    static readonly code = code;
    static readonly status = status;
    static readonly title = title;
    constructor(detail?: string, extra?: Record<string, unknown>) {
      super(spec, detail, extra);
    }
  };
  Object.defineProperty(cls, 'name', { value: code });
  return cls;
}

/** A service's catalogue: the list of its error types, used for OpenAPI and the docs-consistency test. */
export type ErrorCatalogue = readonly ErrorSpec[];

// The kit's own errors, shared by every service (the request pipeline raises them).
export const ValidationFailed = errorType('VALIDATION_FAILED', 400, 'The request is not valid');
export const MalformedJson = errorType('MALFORMED_JSON', 400, 'The request body is not valid JSON');
export const BadRequest = errorType('BAD_REQUEST', 400, 'The request cannot be processed');
export const Unauthenticated = errorType('UNAUTHENTICATED', 401, 'Sign in to continue');
export const Forbidden = errorType('FORBIDDEN', 403, 'You are not allowed to do this');
export const NotFound = errorType('NOT_FOUND', 404, 'Not found');
export const RouteNotFound = errorType('ROUTE_NOT_FOUND', 404, 'No such endpoint');
export const Conflict = errorType('CONFLICT', 409, 'The request conflicts with the current state');
export const IdempotencyKeyReused = errorType(
  'IDEMPOTENCY_KEY_REUSED',
  409,
  'This Idempotency-Key was already used with another request',
);
export const BodyTooLarge = errorType('BODY_TOO_LARGE', 413, 'The request body is too large');
export const UnsupportedMediaType = errorType(
  'UNSUPPORTED_MEDIA_TYPE',
  415,
  'This content type is not accepted',
);
export const RateLimited = errorType('RATE_LIMITED', 429, 'Too many requests; try again later');
export const Internal = errorType('INTERNAL', 500, 'Something went wrong on our side');
export const UpstreamUnavailable = errorType(
  'UPSTREAM_UNAVAILABLE',
  503,
  'A service this request needs is unavailable; try again shortly',
);
export const DatabaseUnavailable = errorType(
  'DATABASE_UNAVAILABLE',
  503,
  'Our database is unreachable for a moment; try again shortly',
);
export const ShuttingDown = errorType('SHUTTING_DOWN', 503, 'The service is restarting; try again');

export const kitErrors: ErrorCatalogue = [
  ValidationFailed,
  MalformedJson,
  BadRequest,
  Unauthenticated,
  Forbidden,
  NotFound,
  RouteNotFound,
  Conflict,
  IdempotencyKeyReused,
  BodyTooLarge,
  UnsupportedMediaType,
  RateLimited,
  DatabaseUnavailable,
  Internal,
  UpstreamUnavailable,
  ShuttingDown,
];
