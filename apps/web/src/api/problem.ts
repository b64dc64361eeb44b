/** One field-level problem, as RFC 9457 `errors` extension members. */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** An RFC 9457 problem+json body as Sauda's services send it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** Codes the client invents when the server did not send a problem body. */
export const CLIENT_CODES = { network: 'NETWORK_ERROR', unknown: 'UNKNOWN' } as const;

/** A failed API call: HTTP status (0 when the network failed), the problem code and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? codeFromStatus(status);
    this.detail = problem.detail;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  }
}

/** Turns an API field path ("/email", "body/email", "email") into the form field name ("email"). */
export function fieldName(path: string): string {
  const parts = path.split(/[/.]/).filter((part) => part !== '' && part !== 'body');
  return parts[0] ?? '';
}

function codeFromStatus(status: number): string {
  if (status === 0) return CLIENT_CODES.network;
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return CLIENT_CODES.unknown;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}
