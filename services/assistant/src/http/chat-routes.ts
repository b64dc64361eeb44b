/** The chat: `POST /assistant/chat` answers JSON, or streams server-sent events with `Accept: text/event-stream`. */
import { ChatAnswer, ChatRequest } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { answerMessage } from '../chat/answer-message.ts';
import type { AssistantContext } from '../context.ts';
import { callerToken } from './caller.ts';

const tags = ['assistant'];

/** Registers the chat route. */
export function chatRoutes(app: App, ctx: AssistantContext): void {
  app.post(
    '/assistant/chat',
    {
      config: {
        auth: { access: 'public', owns: "the caller's own conversation; order tools act as the caller" },
      },
      schema: {
        tags,
        summary: 'Ask the shopping assistant (JSON, or server-sent events: delta, products, actions, done)',
        body: ChatRequest,
        response: { 200: ChatAnswer },
      },
    },
    async (request, reply) => {
      const caller = {
        ...(request.principal ? { principal: request.principal } : {}),
        ...(callerToken(request) ? { token: callerToken(request) } : {}),
      };
      if (!(request.headers.accept ?? '').includes('text/event-stream'))
        return answerMessage(ctx, request.body, caller);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      try {
        const answer = await answerMessage(ctx, request.body, caller, (text) => send('delta', { text }));
        send('products', answer.products);
        send('actions', answer.actions);
        send('done', answer);
      } catch (error) {
        request.log.warn({ err: error }, 'assistant stream failed');
        const code =
          error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'INTERNAL';
        send('error', { code });
      }
      raw.end();
      return reply;
    },
  );
}
