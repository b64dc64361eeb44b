import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayMailOnce } from '../notifications/mail-relay.ts';
import { createOrdersTestApp, type OrdersTestApp } from '../test/orders-test-app.ts';

describe('the order mail viewer (embedded mode)', () => {
  let t: OrdersTestApp;
  beforeAll(async () => {
    t = await createOrdersTestApp();
  }, 120_000);
  afterAll(async () => t?.close(), 60_000);

  it('shows staff the mail newest first with its delivery state, filtered by recipient; customers get 403', async () => {
    const ids = [uuidv7(), uuidv7()];
    for (const [i, id] of ids.entries())
      await t.db.sql`
        insert into email_outbox (id, recipient, locale, template, subject, body, dedupe_key)
        values (${id}, ${i === 0 ? 'Aigerim@example.kz' : 'bolat@example.kz'}, 'kk', 'placed',
                ${`SD-0000-000${i} тапсырысы қабылданды`}, 'Сәлеметсіз бе!', ${`placed:${id}`})`;
    const sent: string[] = [];
    await relayMailOnce(
      t.db.sql,
      { kind: 'file', send: async (m) => void sent.push(m.id), close: () => undefined },
      { pollMs: 10, leaseMs: 10_000, batch: 1 },
    );
    const admin = await t.as(uuidv7(), ['admin']);
    const page = await t.app.inject({ url: '/admin/orders/mail?limit=10', headers: admin });
    expect(page.statusCode).toBe(200);
    const body = page.json<{ items: Array<{ id: string; sentAt: string | null }>; total: number }>();
    expect(body.total).toBe(2);
    expect(body.items.map((m) => m.id)).toEqual([...ids].reverse());
    expect(body.items.find((m) => m.id === sent[0])?.sentAt).not.toBeNull();
    expect(body.items.filter((m) => m.sentAt === null)).toHaveLength(1);
    const mine = await t.app.inject({ url: '/admin/orders/mail?to=aigerim@example.kz', headers: admin });
    expect(mine.json<{ items: Array<{ id: string }> }>().items.map((m) => m.id)).toEqual([ids[0]]);
    const customer = await t.as(uuidv7());
    expect((await t.app.inject({ url: '/admin/orders/mail', headers: customer })).statusCode).toBe(403);
  });
});
