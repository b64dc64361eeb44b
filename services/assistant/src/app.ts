/** Builds the assistant app without listening; tests call `inject()` on it. */
import { createService, type App, type TokenVerifier } from '@sauda/kit';
import type { AssistantContext } from './context.ts';
import { assistantErrors } from './errors.ts';
import { actionRoutes } from './http/action-routes.ts';
import { chatRoutes } from './http/chat-routes.ts';

export interface AssistantDeps {
  ctx: AssistantContext;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The assistant service: the chat, confirmations of its proposed actions, hand-over tickets. */
export async function buildApp(deps: AssistantDeps): Promise<App> {
  const app = await createService({
    name: 'assistant',
    description:
      'The AI shopping assistant: chat in en/ru/kk, product search, order help with confirmation, hand-over to support.',
    errors: assistantErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  chatRoutes(app, deps.ctx);
  actionRoutes(app, deps.ctx);
  return app;
}
