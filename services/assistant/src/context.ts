/** What the assistant's use cases share: the database, the trained NLU, the catalog index, the tools. */
import type { Db } from '@sauda/kit';
import type { CategoryPaths } from './catalog/from-shop.ts';
import type { CategoryNames } from './dialogue/search-turn.ts';
import type { Tools } from './dialogue/types.ts';
import type { LlmPlanner } from './llm/plan-with-llm.ts';
import type { Nlu } from './nlu/nlu.ts';
import type { CatalogIndex } from './retrieval/catalog-index.ts';
import type { Clients } from './tools/clients.ts';

export interface AssistantContext {
  db: Db;
  nlu: Nlu;
  index: CatalogIndex;
  /** Filled from shop's category tree at start (and by the eval from the demo data). */
  names: CategoryNames;
  paths: CategoryPaths;
  clients: Clients;
  /** The tools of a request, bound to the caller's token (tests replace it). */
  toolsFor(token: string | undefined): Tools;
  actionTtlMs: number;
  /** The LLM planner when one is configured. */
  llm?: LlmPlanner;
}
