/** RFC 9457 problem+json: the only error shape any Sauda API answers with. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  BadRequest,
  BodyTooLarge,
  DatabaseUnavailable,
  Internal,
  MalformedJson,
  RouteNotFound,
  UnsupportedMediaType,
  UpstreamUnavailable,
  ValidationFailed,
  type ErrorSpec,
} from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem document. `code` is stable and machine-readable; `title` and `detail` are for people. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    traceId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;

/** Builds the problem body for a catalogue entry. */
export function problemOf(spec: ErrorSpec, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://sauda.kz/problems/${spec.code.toLowerCase().replaceAll('_', '-')}`,
    title: spec.title,
    status: spec.status,
    code: spec.code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns Ajv's issues into `{ path, message }` pairs a client can put next to its fields. */
function fieldErrors(
  context: string | undefined,
  issues: ValidationIssue[],
): Array<{ path: string; message: string }> {
  return issues.map((issue) => {
    const base = `${context ?? 'body'}${issue.instancePath ?? ''}`;
    const extraProperty = issue.params?.additionalProperty;
    const missing = issue.params?.missingProperty;
    if (typeof extraProperty === 'string')
      return { path: `${base}/${extraProperty}`, message: 'unknown field' };
    if (typeof missing === 'string') return { path: `${base}/${missing}`, message: 'is required' };
    return { path: base, message: issue.message ?? 'is not valid' };
  });
}

// The connection to PostgreSQL broke or could not be made (a restart, a network fault): retryable, not a bug.
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECTION_ENDED',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

function databaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/** Maps any thrown value to a problem; unexpected errors become INTERNAL and are never echoed. */
export function toProblem(error: unknown): { problem: Problem; unexpected: boolean } {
  if (error instanceof AppError)
    return { problem: problemOf(error, error.detail, error.extra), unexpected: false };
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (Array.isArray(fastifyError.validation)) {
    return {
      problem: problemOf(ValidationFailed, undefined, {
        errors: fieldErrors(fastifyError.validationContext, fastifyError.validation),
      }),
      unexpected: false,
    };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { problem: problemOf(MalformedJson, fastifyError.message), unexpected: false };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: problemOf(BodyTooLarge), unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { problem: problemOf(UnsupportedMediaType), unexpected: false };
    // PostgreSQL refuses text it cannot store (a NUL character): the client's input, not our fault.
    case '22021':
    case '22P05':
      return {
        problem: problemOf(ValidationFailed, 'The request contains a character that cannot be stored (NUL)'),
        unexpected: false,
      };
  }
  if (databaseUnreachable(error)) return { problem: problemOf(DatabaseUnavailable), unexpected: false };
  if (error instanceof SyntaxError) return { problem: problemOf(MalformedJson), unexpected: false };
  // Another service failed (an UpstreamProblem with a 5xx status escaped the use case): unavailable, not ours.
  const upstream = error as { name?: string; status?: number; service?: string };
  if (upstream.name === 'UpstreamProblem' && typeof upstream.status === 'number' && upstream.status >= 500) {
    const service = upstream.service ?? 'a service';
    return {
      problem: problemOf(UpstreamUnavailable, `${service} is unavailable; try again shortly`, { service }),
      unexpected: false,
    };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: problemOf({ ...BadRequest, status }, fastifyError.message), unexpected: false };
  }
  return { problem: problemOf(Internal), unexpected: true };
}

/** Fastify error handler: answers problem+json; logs expected errors at info, unexpected ones at error. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { problem, unexpected } = toProblem(error);
  if (unexpected) request.log.error({ err: error }, 'unexpected error');
  else if (problem.status >= 500) request.log.warn({ code: problem.code }, problem.title);
  else request.log.info({ code: problem.code }, 'request refused');
  problem.instance = request.url;
  problem.traceId = request.traceId;
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Unknown routes: 404 problem+json with ROUTE_NOT_FOUND. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemOf(RouteNotFound, `${request.method} ${request.url.split('?')[0]} does not exist`);
  problem.instance = request.url;
  return reply.status(404).type(PROBLEM_CONTENT_TYPE).send(problem);
}
