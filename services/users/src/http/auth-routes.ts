/** Registration, sign-in, token refresh and sign-out: `/auth/*` (the gateway serves them as `/api/auth/*`). */
import type { App } from '@sauda/kit';
import { logIn } from '../accounts/log-in.ts';
import { registerAccount } from '../accounts/register-account.ts';
import type { UsersContext } from '../context.ts';
import { logOut } from '../sessions/log-out.ts';
import { refreshSession } from '../sessions/refresh-session.ts';
import type { SignedIn } from '../sessions/start-session.ts';
import { clientOf } from './client-info.ts';
import { AuthAnswer, LoginBody, RefreshTokenBody, RegisterBody, userView } from './schemas.ts';

const tags = ['auth'];

export function authRoutes(app: App, ctx: UsersContext): void {
  app.post(
    '/auth/register',
    {
      config: { auth: { access: 'public', owns: 'the account being created' } },
      schema: {
        tags,
        summary: 'Create a customer account and sign in',
        body: RegisterBody,
        response: { 201: AuthAnswer },
      },
    },
    async (request, reply) => {
      const signedIn = await registerAccount(ctx, request.body, clientOf(request));
      return reply.status(201).send(answer(signedIn));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { auth: { access: 'public', owns: 'the account whose password is given' } },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: AuthAnswer },
      },
    },
    async (request) => answer(await logIn(ctx, request.body, clientOf(request))),
  );

  app.post(
    '/auth/refresh',
    {
      config: { auth: { access: 'public', owns: 'the session the refresh token belongs to' } },
      schema: {
        tags,
        summary: 'Trade a refresh token for a new pair (each refresh token works once)',
        body: RefreshTokenBody,
        response: { 200: AuthAnswer },
      },
    },
    async (request) => answer(await refreshSession(ctx, request.body.refreshToken, clientOf(request))),
  );

  app.post(
    '/auth/logout',
    {
      config: { auth: { access: 'public', owns: 'the session the refresh token belongs to' } },
      schema: {
        tags,
        summary: 'End the session of a refresh token (204, also when it had already ended)',
        body: RefreshTokenBody,
      },
    },
    async (request, reply) => {
      await logOut(ctx, request.body.refreshToken);
      return reply.status(204).send();
    },
  );
}

function answer(signedIn: SignedIn): AuthAnswer {
  return {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    user: userView(signedIn.account),
  };
}
