/** A local HTTP server speaking the part of Stripe's API the adapter uses (form-encoded, idempotency keys). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeIntent {
  id: string;
  status: string;
  amount: number;
  amount_received: number;
  refunded: number;
  payment_method: string;
  next_action: { redirect_to_url: { url: string } } | null;
}

/** The fake and what it saw. */
export interface FakeStripe {
  url: string;
  intents: Map<string, FakeIntent>;
  /** Every request as "METHOD path". */
  calls: string[];
  /** The POSTs that carried an `Idempotency-Key` header, as "METHOD path". */
  keyed: string[];
  close(): Promise<void>;
}

/** Starts the fake on a free port; `secretKey` is the only accepted bearer key. */
export async function startFakeStripe(secretKey: string): Promise<FakeStripe> {
  const methods = new Map<string, string>();
  const intents = new Map<string, FakeIntent>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const calls: string[] = [];
  const keyed: string[] = [];
  let n = 0;
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(text);
      const path = (request.url ?? '').split('?')[0] ?? '';
      calls.push(`${request.method} ${path}`);
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (request.headers.authorization !== `Bearer ${secretKey}`)
        return send(401, { error: { type: 'invalid_request_error' } });
      const key = request.headers['idempotency-key'];
      if (request.method === 'POST' && typeof key === 'string') keyed.push(`${request.method} ${path}`);
      const replay = typeof key === 'string' ? idempotent.get(`${path}:${key}`) : undefined;
      if (replay) return send(replay.status, replay.body);
      const answer = (status: number, body: unknown) => {
        if (typeof key === 'string') idempotent.set(`${path}:${key}`, { status, body });
        send(status, body);
      };
      const parts = path.split('/').filter(Boolean); // v1, resource, id?, action?
      if (request.method === 'POST' && path === '/v1/payment_methods') {
        const id = `pm_${++n}`;
        methods.set(id, form.get('card[number]') ?? '');
        return answer(200, {
          id,
          object: 'payment_method',
          card: { last4: (form.get('card[number]') ?? '').slice(-4) },
        });
      }
      if (request.method === 'POST' && path === '/v1/payment_intents') {
        const number = methods.get(form.get('payment_method') ?? '') ?? '';
        const intent: FakeIntent = {
          id: `pi_${++n}`,
          status: 'requires_capture',
          amount: Number(form.get('amount')),
          amount_received: 0,
          refunded: 0,
          payment_method: form.get('payment_method') ?? '',
          next_action: null,
        };
        intents.set(intent.id, intent);
        if (number === '4000000000000002') {
          intent.status = 'requires_payment_method';
          return answer(402, {
            error: {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'do_not_honor',
              payment_intent: intent,
            },
          });
        }
        if (number === '4000000000003220') {
          intent.status = 'requires_action';
          intent.next_action = { redirect_to_url: { url: `https://hooks.stripe.test/3ds/${intent.id}` } };
        }
        return answer(200, intent);
      }
      const intent = parts[1] === 'payment_intents' ? intents.get(parts[2] ?? '') : undefined;
      if (request.method === 'GET' && intent) return send(200, intent);
      if (request.method === 'POST' && intent && parts[3] === 'capture') {
        if (intent.status !== 'requires_capture')
          return answer(400, {
            error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state' },
          });
        intent.status = 'succeeded';
        intent.amount_received = Number(form.get('amount_to_capture') ?? intent.amount);
        return answer(200, intent);
      }
      if (request.method === 'POST' && intent && parts[3] === 'cancel') {
        intent.status = 'canceled';
        return answer(200, intent);
      }
      if (request.method === 'POST' && path === '/v1/refunds') {
        const target = intents.get(form.get('payment_intent') ?? '');
        const amount = Number(form.get('amount'));
        if (!target || target.refunded + amount > target.amount_received)
          return answer(400, { error: { type: 'invalid_request_error', code: 'charge_already_refunded' } });
        target.refunded += amount;
        return answer(200, { id: `re_${++n}`, object: 'refund', amount, status: 'succeeded' });
      }
      send(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    calls,
    keyed,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
