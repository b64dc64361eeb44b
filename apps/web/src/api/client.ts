import { send, type SendOptions } from './http.ts';
import { ApiError } from './problem.ts';
import { currentTokens, endSession, getAccessToken, refreshSession, startSession } from './session.ts';
import type { AuthAnswer, User } from './types.ts';

export { ApiError } from './problem.ts';
export { restoreSession, refreshSession as refresh } from './session.ts';

/**
 * Calls the API as the signed-in user (anonymously when signed out). A 401 is retried once after a
 * refresh, since the access token may have expired on the way.
 */
export async function request<T>(path: string, options: SendOptions = {}): Promise<T> {
  const token = await getAccessToken();
  try {
    return await send<T>(path, withBearer(options, token));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !currentTokens().refreshToken) throw error;
    const fresh = await refreshSession();
    if (!fresh) throw error;
    return send<T>(path, withBearer(options, fresh));
  }
}

/** Shorthands over request() per HTTP method. */
export const api = {
  get: <T>(path: string, options?: Omit<SendOptions, 'method' | 'body'>) => request<T>(path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<SendOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<SendOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<SendOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<SendOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};

/** What the register form sends. */
export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  phone?: string;
  locale?: string;
  currency?: string;
}

/** Signs in with email and password and starts the session. */
export async function login(email: string, password: string): Promise<User> {
  const answer = await send<AuthAnswer>('/auth/login', { method: 'POST', body: { email, password } });
  startSession(answer);
  return answer.user;
}

/** Creates a customer account and starts its session. */
export async function register(input: RegisterInput): Promise<User> {
  const answer = await send<AuthAnswer>('/auth/register', { method: 'POST', body: input });
  startSession(answer);
  return answer.user;
}

/** Ends the session here at once, then revokes the refresh token on the server. */
export async function logout(): Promise<void> {
  const { accessToken, refreshToken } = currentTokens();
  endSession();
  if (!refreshToken) return;
  const headers: Record<string, string> = accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
  try {
    await send<void>('/auth/logout', { method: 'POST', body: { refreshToken }, headers });
  } catch {
    // Already signed out here; a refresh token the server missed expires on its own.
  }
}

function withBearer(options: SendOptions, token: string | null): SendOptions {
  if (!token) return options;
  return { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } };
}
