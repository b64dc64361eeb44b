/**
 * A small client for the security suites: calls through the gateway of the running e2e system as an
 * account (by its bearer token), anonymously, or from a given client address (X-Forwarded-For, which the
 * gateway trusts from loopback only — exactly as it trusts the ingress in a cluster).
 */
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '@sauda/contracts';

/** One answer, read whole. */
export interface Answer {
  status: number;
  text: string;
  type: string;
  headers: Headers;
  json<T = Record<string, unknown>>(): T;
}

/** What a signed-in caller holds. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; roles: string[] };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body, sent as is. */
  raw?: string;
  headers?: Record<string, string>;
  /** The client address the gateway should see. */
  from?: string;
}

/** Calls the API; never throws on a status. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.from) headers['x-forwarded-for'] = options.from;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  const answer: Answer = {
    status: response.status,
    text,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    json: <T>() => JSON.parse(text) as T,
  };
  return answer;
}

/** Signs in a demo or registered account. */
export async function logIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const answer = await call(base, 'POST', '/api/auth/login', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${answer.text.slice(0, 200)}`);
  return answer.json<Session>();
}

/** The password of every account the suites register. */
export const SUITE_PASSWORD = 'security-suite-2026!';

/** Registers a fresh customer (its own limits, its own cart), from a fresh client address. */
export async function registerCustomer(base: string, label: string): Promise<Session> {
  const email = `sec-${label}-${randomUUID().slice(0, 8)}@example.kz`;
  const answer = await call(base, 'POST', '/api/auth/register', {
    body: { email, password: SUITE_PASSWORD, name: 'Security Suite' },
    from: randomAddress(),
  });
  if (answer.status !== 201 && answer.status !== 200)
    throw new Error(`register ${email}: ${answer.status} ${answer.text.slice(0, 200)}`);
  return answer.json<Session>();
}

/** A documentation-range address (RFC 5737) no real client has, fresh per call. */
export function randomAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `198.51.${byte()}.${byte()}`;
}

/** Polls `check` until it is true or `timeoutMs` passes; answers the last result. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
