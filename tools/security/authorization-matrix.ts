/**
 * The authorization matrix, generated from the merged OpenAPI document: every operation × every caller
 * (each role, and anonymous) → allowed or denied as the route declares (`x-access`). The system test sends
 * each case through the gateway; a denied caller must get 401/403 before anything runs (OWASP API5).
 */
import type { Role } from '@sauda/contracts';

/** Who calls: a signed-in account with its roles (as its token says), or nobody (`anonymous`, no roles). */
export interface Caller {
  name: string;
  roles: readonly Role[];
}

export const ANONYMOUS: Caller = { name: 'anonymous', roles: [] };

/** One operation of the public API as the matrix needs it. */
export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. `/api/orders/{id}`. */
  path: string;
  access: string;
  /** True when the request body is required (a call without one fails validation, so it changes nothing). */
  bodyRequired: boolean;
  /** The JSON media type is accepted. */
  json: boolean;
}

/** One cell of the matrix. */
export interface MatrixCase {
  operation: Operation;
  caller: Caller;
  allowed: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of an OpenAPI document that declares an access rule. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method) || typeof raw !== 'object' || raw === null) continue;
      const op = raw as { 'x-access'?: string; requestBody?: { required?: boolean; content?: object } };
      if (typeof op['x-access'] !== 'string') continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        bodyRequired: op.requestBody?.required === true,
        json: op.requestBody?.content === undefined || 'application/json' in op.requestBody.content,
      });
    }
  }
  return operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Whether a caller may call an operation with the given `x-access` declaration. */
export function isAllowed(access: string, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === ANONYMOUS) return false;
  if (access === 'authenticated') return true;
  return access
    .split(',')
    .map((role) => role.trim())
    .some((role) => caller.roles.includes(role as Role));
}

/** The whole matrix. */
export function buildMatrix(doc: OpenApiDoc, callers: readonly Caller[]): MatrixCase[] {
  return operationsOf(doc).flatMap((operation) =>
    callers.map((caller) => ({ operation, caller, allowed: isAllowed(operation.access, caller) })),
  );
}

/** A concrete URL for a path template: ids become a well-formed id nobody owns, codes a plausible code. */
export function concretePath(template: string, nobodysId: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (/tracking/i.test(name)) return 'SD000000000KZ';
    if (/code|token|slug|idOrCode/i.test(name) && !/^id$/i.test(name)) return 'NOBODYS-CODE-1';
    return nobodysId;
  });
}

/**
 * Whether an allowed caller may be sent this case without changing state: reads always; writes only when
 * the body is required (an empty one fails validation), so the matrix never logs anyone out or approves anything.
 */
export function safeToSendAllowed(operation: Operation): boolean {
  return operation.method === 'GET' || (operation.bodyRequired && operation.json);
}

/** The statuses a denied caller may get: 401 when nobody is signed in, 403 otherwise. */
export function deniedStatuses(caller: Caller): number[] {
  return caller === ANONYMOUS ? [401] : [403];
}
