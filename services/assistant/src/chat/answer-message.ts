/**
 * One chat turn: find (or start) the caller's session, answer with the LLM planner when configured
 * (falling back to the offline engine), store the new state, transcript and proposed actions.
 */
import type { ChatAnswer, ChatRequest } from '@sauda/contracts';
import { withTransaction, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { AssistantContext } from '../context.ts';
import { proposeActions } from '../data/actions-repo.ts';
import { findSession, saveSession, type SessionRow } from '../data/sessions-repo.ts';
import { answerTurn } from '../dialogue/answer-turn.ts';
import { emptyState, type TurnResult } from '../dialogue/types.ts';
import { SessionNotFound } from '../errors.ts';
import { detectLanguage, type Lang } from '../nlu/normalize.ts';

export interface Caller {
  principal?: Principal;
  token?: string;
}

/** Streams the reply text while it is produced (the LLM path); the offline engine answers at once. */
export type OnDelta = (text: string) => void;

async function sessionFor(ctx: AssistantContext, request: ChatRequest, caller: Caller): Promise<SessionRow> {
  const language: Lang = request.language ?? detectLanguage(request.message);
  if (!request.sessionId)
    return {
      id: uuidv7(),
      customerId: caller.principal?.id ?? null,
      language,
      state: emptyState(),
      transcript: [],
    };
  const found = await findSession(ctx.db, request.sessionId);
  // A signed-in customer's session is theirs alone; a guest's is held by whoever knows its random id.
  if (found && found.customerId !== null && found.customerId !== caller.principal?.id)
    throw new SessionNotFound();
  if (!found)
    return {
      id: request.sessionId,
      customerId: caller.principal?.id ?? null,
      language,
      state: emptyState(),
      transcript: [],
    };
  return { ...found, customerId: found.customerId ?? caller.principal?.id ?? null, language };
}

/** Answers one message for the caller. */
export async function answerMessage(
  ctx: AssistantContext,
  request: ChatRequest,
  caller: Caller,
  onDelta?: OnDelta,
): Promise<ChatAnswer> {
  const session = await sessionFor(ctx, request, caller);
  const tools = ctx.toolsFor(caller.token);
  const turnContext = { language: session.language, signedIn: Boolean(caller.principal) };
  let turn: TurnResult | undefined;
  let engine: ChatAnswer['engine'] = 'offline';
  if (ctx.llm) {
    turn = await ctx.llm
      .answer({ ...ctx, tools }, request.message, session, turnContext, onDelta)
      .catch(() => undefined);
    if (turn) engine = 'llm';
  }
  turn ??= await answerTurn(
    { nlu: ctx.nlu, names: ctx.names },
    request.message,
    session.state,
    tools,
    turnContext,
  );
  const now = new Date().toISOString();
  const drafts = turn.actions.map((draft) => ({ ...draft, id: uuidv7() }));
  const actions = await withTransaction(ctx.db, async (tx) => {
    await saveSession(tx, { ...session, state: turn.state }, [
      { role: 'customer', text: request.message, at: now },
      { role: 'assistant', text: turn.reply, at: now },
    ]);
    return proposeActions(tx, session.id, session.customerId, drafts, ctx.actionTtlMs);
  });
  if (engine === 'offline' && onDelta) for (const chunk of turn.reply.match(/\S+\s*/g) ?? []) onDelta(chunk);
  return {
    sessionId: session.id,
    reply: turn.reply,
    intent: turn.intent,
    slots: turn.slots,
    products: turn.products,
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      label: a.label,
      expiresAt: a.expiresAt.toISOString(),
    })),
    suggestions: turn.suggestions,
    engine,
  };
}
