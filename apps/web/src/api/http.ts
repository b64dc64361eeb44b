import { ApiError, type Problem } from './problem.ts';

/** Everything one HTTP call to the API needs besides auth. */
export interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** The prefix every public route lives under (the gateway, or Vite's dev proxy in development). */
export const API_BASE = '/api';

/** Sends one request to the API and returns the parsed JSON answer; throws ApiError on failure. */
export async function send<T>(path: string, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof FormData) {
    // File uploads: the browser sets the multipart content type with its boundary.
    init.body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(API_BASE + path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { detail: error instanceof Error ? error.message : 'Network error' });
  }

  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, isProblem(body) ? body : {});
  return body as T;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    // A truncated or non-JSON body on a JSON content type: treat it as no body, the status still tells.
    return undefined;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
