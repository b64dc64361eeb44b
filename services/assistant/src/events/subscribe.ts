/** Which events the assistant consumes: main.ts and the tests wire the same table. */
import { ProductArchived, ProductCreated, ProductHidden, ProductUpdated } from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import type { AssistantContext } from '../context.ts';
import { onProductArchived, onProductCreated, onProductHidden, onProductUpdated } from './product-events.ts';

/** Registers the index handlers (`assistant.index-<replica>`: every replica keeps its own index). */
export function indexHandlers(
  consumer: Consumer,
  ctx: Pick<AssistantContext, 'clients' | 'index' | 'paths'>,
): Consumer {
  return consumer
    .on(ProductCreated, onProductCreated(ctx))
    .on(ProductUpdated, onProductUpdated(ctx))
    .on(ProductArchived, onProductArchived(ctx))
    .on(ProductHidden, onProductHidden(ctx));
}
