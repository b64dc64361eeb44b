/** Fills the index in the background at start: categories, then every product; retried until shop answers. */
import type { Logger } from 'pino';
import type { AssistantContext } from '../context.ts';
import { loadCatalog, loadCategories } from './load-catalog.ts';

/** Loads categories and products; keeps trying every few seconds while shop is not up yet. */
export function startCatalogLoad(
  ctx: AssistantContext,
  logger: Logger,
  retryMs = 3000,
): { stop(): void; loaded: Promise<void> } {
  let stopped = false;
  const loaded = (async () => {
    while (!stopped) {
      try {
        const since = performance.now();
        const { names, paths } = await loadCategories(ctx.clients.shop);
        for (const [slug, name] of names) {
          ctx.names.set(slug, name);
          for (const text of Object.values(name)) ctx.nlu.lexicon.addCategoryName(slug, text);
        }
        for (const [slug, path] of paths) ctx.paths.set(slug, path);
        const products = await loadCatalog(ctx.clients.shop, ctx.index, ctx.paths);
        logger.info({ products, ms: Math.round(performance.now() - since) }, 'assistant index loaded');
        return;
      } catch (error) {
        logger.warn({ err: error }, 'catalog load failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  })();
  return { stop: () => (stopped = true), loaded };
}
