/**
 * The optional LLM planner: the model plans with the assistant's tools over an OpenAI-compatible endpoint
 * and streams its answer; the turn it returns has the same shape (cards, proposed actions) as the offline one.
 */
import type { AssistantContext } from '../context.ts';
import type { SessionRow } from '../data/sessions-repo.ts';
import { policyText, type PolicyTopic } from '../policies/policies.ts';
import { cardOf, reasonFor } from '../dialogue/search-turn.ts';
import { addToCartTurn } from '../dialogue/product-turns.ts';
import { cancelOrderTurn, orderStatusTurn, returnTurn } from '../dialogue/order-turns.ts';
import { handoffTurn, deliveryTurn, paymentTurn } from '../dialogue/info-turns.ts';
import type { ActionDraft, ProductCard, Tools, TurnContext, TurnResult } from '../dialogue/types.ts';
import type { Reading } from '../nlu/nlu.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';
import { LLM_TOOLS, proposalAllowed, systemPrompt } from './llm-tools.ts';
import { streamCompletion, type LlmEndpoint, type LlmMessage } from './openai-stream.ts';

type PlannerCtx = Omit<AssistantContext, 'toolsFor' | 'llm'> & { tools: Tools };

export interface LlmPlanner {
  answer(
    ctx: PlannerCtx,
    message: string,
    session: SessionRow,
    turn: TurnContext,
    onDelta?: (text: string) => void,
  ): Promise<TurnResult>;
}

const MAX_ROUNDS = 4;

interface Gathered {
  products: CatalogProduct[];
  actions: ActionDraft[];
}

function brief(product: CatalogProduct) {
  return {
    id: product.id,
    title: product.title,
    brand: product.brand,
    price_tenge: product.price / 100,
    rating: product.rating,
    attributes: product.attributes,
  };
}

async function runTool(
  ctx: PlannerCtx,
  name: string,
  args: Record<string, unknown>,
  reading: Reading,
  session: SessionRow,
  turn: TurnContext,
  gathered: Gathered,
): Promise<unknown> {
  const tools = ctx.tools;
  const str = (key: string) => (typeof args[key] === 'string' ? args[key] : undefined);
  const num = (key: string) => (typeof args[key] === 'number' ? args[key] : undefined);
  const withRef = (): Reading => ({
    ...reading,
    slots: { ...reading.slots, ...(str('order_ref') ? { order_ref: str('order_ref')?.toUpperCase() } : {}) },
  });
  if (!proposalAllowed(name, reading))
    return { refused: 'The customer did not ask for this; do not propose it.' };
  switch (name) {
    case 'search_products': {
      const filters = {
        ...(str('category') ? { category: str('category') } : {}),
        ...(str('brand') ? { brand: str('brand') } : {}),
        ...(str('colour') ? { colour: str('colour') } : {}),
        ...(num('max_price') !== undefined ? { priceMax: (num('max_price') ?? 0) * 100 } : {}),
        ...(num('min_price') !== undefined ? { priceMin: (num('min_price') ?? 0) * 100 } : {}),
      };
      const sort = str('sort') as 'price_asc' | undefined;
      const { hits } = tools.search({
        text: str('query') ?? '',
        filters,
        limit: 6,
        ...(sort ? { sort } : {}),
      });
      gathered.products = hits;
      return hits.map(brief);
    }
    case 'product_details': {
      const details = await tools.details(str('product_id') ?? '');
      if (!details) return { error: 'unknown product' };
      gathered.products = [details.product];
      return {
        untrusted_seller_text: details.description,
        attributes: details.attributes,
        reviews: details.reviews,
        variants: details.variants,
      };
    }
    case 'recommend': {
      const ids = str('product_id')
        ? await tools.recommendations(str('product_id') ?? '')
        : ((await tools.forYou()) ?? []);
      gathered.products = ids
        .map((id) => tools.product(id))
        .filter((p): p is CatalogProduct => p !== undefined)
        .slice(0, 6);
      return gathered.products.map(brief);
    }
    case 'order_status':
      return (await orderStatusTurn(withRef(), session.state, tools, turn)).reply;
    case 'delivery_options':
      return (await deliveryTurn(reading, session.state, tools, turn.language)).reply;
    case 'payment_methods':
      return (await paymentTurn(reading, session.state, tools, turn.language)).reply;
    case 'store_policy':
      return policyText((str('topic') ?? 'general') as PolicyTopic, turn.language);
    case 'propose_add_to_cart': {
      const id = str('product_id') ?? '';
      const state = { ...session.state, focus: id };
      const draft = await addToCartTurn(
        { ...reading, slots: { ...reading.slots, refs: [] } },
        state,
        tools,
        turn.language,
      );
      gathered.actions.push(
        ...draft.actions.map((a) => ({
          ...a,
          params: { ...a.params, quantity: num('quantity') ?? a.params['quantity'] },
        })),
      );
      return draft.actions.length > 0 ? { proposed: true } : { error: 'unknown product' };
    }
    case 'propose_cancel_order': {
      const draft = await cancelOrderTurn(withRef(), session.state, tools, turn);
      gathered.actions.push(...draft.actions);
      return draft.reply;
    }
    case 'propose_return': {
      const draft = await returnTurn(reading.tokens.join(' '), withRef(), session.state, tools, turn);
      gathered.actions.push(...draft.actions);
      return draft.reply;
    }
    case 'propose_handoff':
      gathered.actions.push(
        ...handoffTurn(str('summary') ?? '', reading, session.state, turn.language).actions,
      );
      return { proposed: true };
    default:
      return { error: `unknown tool ${name}` };
  }
}

/** A planner on the configured endpoint. */
export function createLlmPlanner(endpoint: LlmEndpoint): LlmPlanner {
  return {
    async answer(ctx, message, session, turn, onDelta) {
      const reading = ctx.nlu.read(message);
      const history: LlmMessage[] = session.transcript
        .slice(-8)
        .map((entry) => ({ role: entry.role === 'customer' ? 'user' : 'assistant', content: entry.text }));
      const messages: LlmMessage[] = [
        { role: 'system', content: systemPrompt(turn.language) },
        ...history,
        { role: 'user', content: message },
      ];
      const gathered: Gathered = { products: [], actions: [] };
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const last = round === MAX_ROUNDS - 1;
        const { content, toolCalls } = await streamCompletion(
          endpoint,
          messages,
          last ? [] : LLM_TOOLS,
          onDelta,
        );
        if (toolCalls.length === 0) {
          const products: ProductCard[] = gathered.products.map((p) =>
            cardOf(p, reasonFor(p, session.state.search ?? { text: message }, turn.language, ctx.names)),
          );
          return {
            intent: reading.intent,
            slots: reading.slots,
            reply: content,
            products,
            actions: gathered.actions,
            suggestions: [],
            state: {
              ...session.state,
              ...(products.length > 0 ? { shown: products.map((p) => p.id), focus: products[0]?.id } : {}),
            },
          };
        }
        messages.push({ role: 'assistant', content: content || null, tool_calls: toolCalls });
        for (const call of toolCalls) {
          let args: Record<string, unknown> = {};
          try {
            args = JSON.parse(call.function.arguments || '{}') as Record<string, unknown>;
          } catch {
            // A malformed argument string is answered as an error the model can correct.
            args = {};
          }
          const result = await runTool(ctx, call.function.name, args, reading, session, turn, gathered);
          messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
        }
      }
      throw new Error('the model did not finish its plan');
    },
  };
}
