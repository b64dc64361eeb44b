import type { ActionOutcome, ChatAnswer } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistantTestApp, type AssistantTestApp } from '../test/assistant-test-app.ts';

let t: AssistantTestApp;
beforeAll(async () => {
  t = await createAssistantTestApp();
});
afterAll(async () => {
  await t.close();
});

async function chat(
  message: string,
  headers: Record<string, string> = {},
  sessionId?: string,
  language = 'ru',
): Promise<ChatAnswer> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/assistant/chat',
    headers,
    payload: { message, language, ...(sessionId ? { sessionId } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ChatAnswer>();
}

const confirm = (id: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/assistant/actions/${id}/confirm`, headers });

describe('POST /assistant/chat', () => {
  it('answers JSON with intent, slots, cards and a session that remembers the search', async () => {
    const first = await chat('наушники до 20 тысяч');
    expect(first).toMatchObject({
      intent: 'product_search',
      slots: { category: 'headphones', price_max: 20_000 },
      engine: 'offline',
    });
    expect(first.products.length).toBeGreaterThan(0);
    expect(first.products[0]).toMatchObject({ price: { currency: 'KZT' } });
    expect(typeof first.products[0]?.reason).toBe('string');
    const cheaper = await chat('дешевле', {}, first.sessionId);
    const floor = Math.min(...first.products.map((p) => p.price.amount));
    expect(cheaper.products.every((p) => p.price.amount < floor)).toBe(true);
  });

  it('streams delta, products, actions and done events with Accept: text/event-stream', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/assistant/chat',
      headers: { accept: 'text/event-stream' },
      payload: { message: 'headphones under 20000', language: 'en' },
    });
    expect(response.headers['content-type']).toMatch(/text\/event-stream/);
    const events = [...response.body.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map((m) => m[1]);
    expect(events.filter((e) => e === 'delta').length).toBeGreaterThan(1);
    expect(events.slice(-3)).toEqual(['products', 'actions', 'done']);
    const done = JSON.parse(
      [...response.body.matchAll(/event: done\ndata: (.*)\n\n/g)][0]?.[1] ?? '{}',
    ) as ChatAnswer;
    const streamed = [...response.body.matchAll(/event: delta\ndata: (.*)\n\n/g)]
      .map((m) => (JSON.parse(m[1] ?? '{}') as { text: string }).text)
      .join('');
    expect(streamed).toBe(done.reply);
  });

  it("a signed-in customer's session cannot be continued by someone else", async () => {
    const mine = await chat('привет', await t.as('alice'));
    const response = await t.app.inject({
      method: 'POST',
      url: '/assistant/chat',
      headers: await t.as('bob'),
      payload: { message: 'дешевле', sessionId: mine.sessionId },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });
});

describe('order tools are authorized as the customer', () => {
  it("asking for another customer's order gets nothing, and orders was asked with the asker's own token", async () => {
    const answer = await chat('где заказ SD-BOBB-0001', await t.as('alice'));
    expect(answer.reply).toMatch(/нет заказа SD-BOBB-0001/);
    expect(answer.actions).toEqual([]);
    const asked = t.fake.calls.filter((c) => c.path.startsWith('/orders'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.customer === '01940000-0000-7000-8000-0000000000a1')).toBe(true);
  });
});

describe('state changes need an explicit confirmation', () => {
  it('cancelling proposes an action; only the confirm call cancels, once, as the customer', async () => {
    const bob = await t.as('bob');
    const answer = await chat('отмени мой последний заказ', bob);
    const [action] = answer.actions;
    expect(action).toMatchObject({ kind: 'cancel_order' });
    const cancels = () => t.fake.calls.filter((c) => c.path.endsWith('/cancel'));
    expect(cancels()).toHaveLength(0);
    expect((await confirm(action?.id ?? '', await t.as('alice'))).statusCode).toBe(404);
    const done = await confirm(action?.id ?? '', bob);
    expect(done.statusCode).toBe(200);
    expect(done.json<ActionOutcome>()).toMatchObject({ status: 'done', kind: 'cancel_order' });
    expect(cancels()).toEqual([
      expect.objectContaining({ customer: '01940000-0000-7000-8000-0000000000b2' }),
    ]);
    const again = await confirm(action?.id ?? '', bob);
    expect(again.statusCode).toBe(409);
    expect(cancels()).toHaveLength(1);
  });

  it("a guest's add to cart runs on confirmation with the guest's cart cookie and passes the new cookie back", async () => {
    const search = await chat('black backpack', {}, undefined, 'en');
    const add = await chat('add the first one to my cart', {}, search.sessionId, 'en');
    const [action] = add.actions;
    expect(action?.kind).toBe('add_to_cart');
    const done = await t.app.inject({
      method: 'POST',
      url: `/assistant/actions/${action?.id ?? ''}/confirm`,
      headers: { cookie: 'sauda_cart=old' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.headers['set-cookie']).toMatch(/sauda_cart=guest-token/);
    expect(t.fake.calls.filter((c) => c.path === '/cart/items')).toHaveLength(1);
  });

  it('a hand-over opens a ticket only on confirmation, and support lists it', async () => {
    const alice = await t.as('alice');
    const answer = await chat('позовите оператора', alice);
    expect(answer.intent).toBe('human_handoff');
    const list = async () =>
      (
        await t.app.inject({ method: 'GET', url: '/assistant/admin/tickets', headers: await t.as('support') })
      ).json<{ items: unknown[] }>().items;
    expect(await list()).toHaveLength(0);
    expect((await confirm(answer.actions[0]?.id ?? '', alice)).statusCode).toBe(200);
    expect(await list()).toEqual([expect.objectContaining({ sessionId: answer.sessionId, status: 'open' })]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/assistant/admin/tickets', headers: alice })).statusCode,
    ).toBe(403);
  });
});

describe('prompt injection in a product description', () => {
  it('triggers no tool and no action', async () => {
    const bob = await t.as('bob');
    const before = t.fake.calls.length;
    const found = await chat('felt slippers', bob, undefined, 'en');
    const asked = await chat('tell me about the first one', bob, found.sessionId, 'en');
    expect(asked.actions).toEqual([]);
    expect(
      t.fake.calls.slice(before).filter((c) => c.path.startsWith('/orders') || c.path.startsWith('/cart')),
    ).toEqual([]);
  });
});
