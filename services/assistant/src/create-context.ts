/** Wires the assistant's context from its configuration: clients, the trained NLU, an empty index, the LLM. */
import type { Db } from '@sauda/kit';
import type { AssistantConfig } from './config.ts';
import type { AssistantContext } from './context.ts';
import { createLlmPlanner } from './llm/plan-with-llm.ts';
import { Lexicon } from './nlu/lexicon.ts';
import { trainNlu } from './nlu/train.ts';
import { CatalogIndex } from './retrieval/catalog-index.ts';
import { createClients } from './tools/clients.ts';
import { serviceTools } from './tools/service-tools.ts';

/** The context of a running service; `dataDir` holds the labelled sets. */
export function createContext(db: Db, config: AssistantConfig, dataDir: URL): AssistantContext {
  const lexicon = new Lexicon();
  const nlu = trainNlu(dataDir, lexicon);
  const index = new CatalogIndex(lexicon);
  const clients = createClients({
    shop: config.SHOP_URL,
    orders: config.ORDERS_URL,
    shipping: config.SHIPPING_URL,
    users: config.USERS_URL,
  });
  const llm = config.ASSISTANT_LLM_URL
    ? createLlmPlanner({
        url: config.ASSISTANT_LLM_URL,
        model: config.ASSISTANT_LLM_MODEL,
        timeoutMs: config.ASSISTANT_LLM_TIMEOUT_MS,
        ...(config.ASSISTANT_LLM_KEY ? { key: config.ASSISTANT_LLM_KEY } : {}),
      })
    : undefined;
  return {
    db,
    nlu,
    index,
    names: new Map(),
    paths: new Map(),
    clients,
    toolsFor: (token) => serviceTools(index, clients, token),
    actionTtlMs: config.ACTION_TTL_MS,
    ...(llm ? { llm } : {}),
  };
}
