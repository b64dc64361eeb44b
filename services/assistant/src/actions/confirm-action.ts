/**
 * Runs an action the customer confirms: claimed once (guarded update), done through the owning service
 * with the customer's own token (and guest cart cookie), never with a privileged identity.
 */
import type { ActionOutcome } from '@sauda/contracts';
import { UpstreamProblem, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { AssistantContext } from '../context.ts';
import { claimAction, findAction, finishAction, type ActionRow } from '../data/actions-repo.ts';
import { findSession } from '../data/sessions-repo.ts';
import { openTicket } from '../data/tickets-repo.ts';
import { ActionAlreadyConfirmed, ActionExpired, ActionNotFound } from '../errors.ts';

export interface ConfirmCaller {
  principal?: Principal;
  token?: string;
  /** The browser's Cookie header: a guest's cart is named by its cookie. */
  cookie?: string;
}

export interface ConfirmResult {
  outcome: ActionOutcome;
  /** Set-Cookie from `orders` (a guest's new cart), passed back to the browser. */
  setCookie?: string | string[];
}

const MESSAGES = {
  add_to_cart: { en: 'Added to your cart.', ru: 'Добавлено в корзину.', kk: 'Себетке қосылды.' },
  cancel_order: { en: 'The order is cancelled.', ru: 'Заказ отменён.', kk: 'Тапсырыс болдырылмады.' },
  return_request: {
    en: 'The return is requested.',
    ru: 'Заявка на возврат оформлена.',
    kk: 'Қайтаруға өтінім берілді.',
  },
  handoff: {
    en: 'Support has your conversation and will answer soon.',
    ru: 'Поддержка получила ваш разговор и скоро ответит.',
    kk: 'Қолдау қызметі әңгімеңізді алды, жақында жауап береді.',
  },
} as const;

async function run(
  ctx: AssistantContext,
  action: ActionRow,
  caller: ConfirmCaller,
): Promise<{ result: unknown; setCookie?: string | string[] }> {
  const token = caller.token ? { token: caller.token } : {};
  const p = action.params;
  switch (action.kind) {
    case 'add_to_cart': {
      const answer = await ctx.clients.orders.call({
        method: 'POST',
        path: '/cart/items',
        body: { variantId: p['variantId'], quantity: p['quantity'] },
        ...token,
        ...(caller.cookie ? { headers: { cookie: caller.cookie } } : {}),
      });
      const setCookie = answer.headers['set-cookie'];
      return { result: answer.body, ...(setCookie ? { setCookie } : {}) };
    }
    case 'cancel_order':
      return {
        result: await ctx.clients.orders.post(
          `/orders/${String(p['orderId'])}/cancel`,
          { reason: 'Asked the assistant' },
          { ...token, idempotencyKey: action.id },
        ),
      };
    case 'return_request':
      return {
        result: await ctx.clients.orders.post(
          `/orders/${String(p['orderId'])}/returns`,
          { lines: p['lines'], comment: 'Requested through the assistant' },
          { ...token, idempotencyKey: action.id },
        ),
      };
    case 'handoff': {
      const session = await findSession(ctx.db, action.sessionId);
      const id = uuidv7();
      await openTicket(ctx.db, {
        id,
        sessionId: action.sessionId,
        customerId: action.customerId,
        language: session?.language ?? 'en',
        summary: typeof p['summary'] === 'string' ? p['summary'] : '',
        transcript: session?.transcript ?? [],
      });
      return { result: { ticketId: id } };
    }
  }
}

/** Confirms and runs the action `id` for the caller. */
export async function confirmAction(
  ctx: AssistantContext,
  id: string,
  caller: ConfirmCaller,
): Promise<ConfirmResult> {
  const found = await findAction(ctx.db, id);
  // Someone else's action looks exactly like a missing one.
  if (!found || found.customerId !== (caller.principal?.id ?? null)) throw new ActionNotFound();
  const action = await claimAction(ctx.db, id);
  if (!action) throw found.status === 'proposed' ? new ActionExpired() : new ActionAlreadyConfirmed();
  try {
    const { result, setCookie } = await run(ctx, action, caller);
    await finishAction(ctx.db, id, 'done', result);
    const language = (await findSession(ctx.db, action.sessionId))?.language ?? 'en';
    return {
      outcome: { id, kind: action.kind, status: 'done', message: MESSAGES[action.kind][language], result },
      ...(setCookie ? { setCookie } : {}),
    };
  } catch (error) {
    if (!(error instanceof UpstreamProblem)) {
      await finishAction(ctx.db, id, 'failed', { error: String(error) });
      throw error;
    }
    // The owning service said no (order already shipped…): the customer sees its reason.
    const message = error.problem.detail ?? error.problem.title ?? 'The action could not be done';
    await finishAction(ctx.db, id, 'failed', error.problem);
    return { outcome: { id, kind: action.kind, status: 'failed', message } };
  }
}
