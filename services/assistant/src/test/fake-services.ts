/**
 * One local HTTP server standing in for orders, users, shipping and shop in component tests. Like the
 * real `orders`, it answers only from the caller's own token (its subject), and records every call.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { ORDERS } from './fixture.ts';

export interface FakeServices {
  url: string;
  calls: Array<{ method: string; path: string; customer: string | null; body: unknown }>;
  close(): Promise<void>;
}

/** Starts the fake on a free port. */
export async function startFakeServices(): Promise<FakeServices> {
  const calls: FakeServices['calls'] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const auth = req.headers.authorization ?? '';
      const customer = auth.startsWith('Bearer ') ? (decodeJwt(auth.slice(7)).sub ?? null) : null;
      const path = (req.url ?? '').split('?')[0] ?? '';
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      calls.push({ method: req.method ?? 'GET', path, customer, body });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const mine = ORDERS.filter((o) => o.customerId === customer);
      const orderMatch = /^\/orders\/([^/]+)(\/cancel|\/returns)?$/.exec(path);
      if (path === '/orders') {
        if (!customer) return send(401, { code: 'UNAUTHENTICATED' });
        return send(200, {
          items: mine.map((o) => ({
            id: o.id,
            number: o.number,
            status: o.status,
            placedAt: o.placedAt,
            total: o.totals.total,
            itemCount: 1,
            sellerCount: 1,
            customerId: o.customerId,
          })),
          total: mine.length,
        });
      }
      if (orderMatch) {
        const order = mine.find((o) => o.id === orderMatch[1]);
        if (!order) return send(404, { code: 'ORDER_NOT_FOUND' });
        if (orderMatch[2] === '/cancel') return send(200, { ...order, status: 'cancelled' });
        if (orderMatch[2] === '/returns')
          return send(201, { id: '01930000-0000-7000-8000-0000000ee001', status: 'requested' });
        return send(200, order);
      }
      if (path === '/cart/items' && req.method === 'POST')
        return send(201, { itemCount: 1 }, { 'set-cookie': 'sauda_cart=guest-token; HttpOnly; Path=/' });
      return send(404, { code: 'NOT_FOUND' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
