/** An assistant app on a fresh migrated database, the fixture's NLU and index, and the fake services. */
import { eventMigrations, migrate, type App } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { buildApp } from '../app.ts';
import type { AssistantContext } from '../context.ts';
import type { LlmPlanner } from '../llm/plan-with-llm.ts';
import { closeClients, createClients } from '../tools/clients.ts';
import { serviceTools } from '../tools/service-tools.ts';
import { startFakeServices, type FakeServices } from './fake-services.ts';
import { ALICE, BOB, fixture } from './fixture.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url);

export interface AssistantTestApp {
  app: App;
  ctx: AssistantContext;
  db: TestDatabase;
  tokens: TestTokens;
  fake: FakeServices;
  as(who: 'alice' | 'bob' | 'support'): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Builds the app; `llm` plugs in a planner (the LLM tests). */
export async function createAssistantTestApp(options: { llm?: LlmPlanner } = {}): Promise<AssistantTestApp> {
  const db = await createTestDatabase('assistant');
  await migrate(db.sql, MIGRATIONS, eventMigrations);
  const tokens = await createTestTokens();
  const fake = await startFakeServices();
  const f = fixture();
  const clients = createClients({ shop: fake.url, orders: fake.url, shipping: fake.url, users: fake.url });
  const ctx: AssistantContext = {
    db: db.sql,
    nlu: f.nlu,
    index: f.index,
    names: f.names,
    paths: new Map(),
    clients,
    toolsFor: (token) => serviceTools(f.index, clients, token),
    actionTtlMs: 60_000,
    ...(options.llm ? { llm: options.llm } : {}),
  };
  const app = await buildApp({ ctx, auth: tokens.verifier, logLevel: 'silent' });
  await app.ready();
  const ids = {
    alice: [ALICE, 'customer'],
    bob: [BOB, 'customer'],
    support: ['01940000-0000-7000-8000-000000000007', 'support'],
  } as const;
  return {
    app,
    ctx,
    db,
    tokens,
    fake,
    as: async (who) => ({
      authorization: `Bearer ${await tokens.sign({ id: ids[who][0], roles: [ids[who][1]] })}`,
    }),
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await closeClients(clients);
      await fake.close();
      await db.drop();
    },
  };
}
