/** The caller's own account: `/me` (the gateway serves it as `/api/me`). */
import { principalOf, type App } from '@sauda/kit';
import { getAccount } from '../accounts/get-account.ts';
import type { UsersContext } from '../context.ts';
import { User, userView } from './schemas.ts';

export function accountRoutes(app: App, ctx: UsersContext): void {
  app.get(
    '/me',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own account" } },
      schema: { tags: ['account'], summary: 'The signed-in account', response: { 200: User } },
    },
    async (request) => userView(await getAccount(ctx, principalOf(request).id)),
  );
}
