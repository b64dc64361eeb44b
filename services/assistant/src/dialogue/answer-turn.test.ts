import { describe, expect, it } from 'vitest';
import { ALICE, BOB, fixture, INJECTED } from '../test/fixture.ts';
import { answerTurn } from './answer-turn.ts';
import { emptyState, type DialogueState, type TurnResult } from './types.ts';

const f = fixture();
const engine = { nlu: f.nlu, names: f.names };

async function talk(messages: string[], customer?: string, language: 'en' | 'ru' | 'kk' = 'ru') {
  let state: DialogueState = emptyState();
  const tools = f.tools(customer);
  const turns: TurnResult[] = [];
  for (const message of messages) {
    const turn = await answerTurn(engine, message, state, tools, {
      language,
      signedIn: customer !== undefined,
    });
    turns.push(turn);
    state = turn.state;
  }
  return { turns, calls: tools.calls };
}

describe('a Russian shopping conversation keeps its state', () => {
  it('finds headphones under a price, narrows to cheaper, then to a brand, and proposes adding the second one', async () => {
    const { turns } = await talk([
      'наушники до 20 тысяч',
      'дешевле',
      'только JBL',
      'добавь второй в корзину',
    ]);
    const [first, cheaper, onlyJbl, add] = turns;
    expect(first?.intent).toBe('product_search');
    expect(first?.products.length).toBeGreaterThan(1);
    expect(first?.products.every((p) => p.price.amount <= 2_000_000)).toBe(true);
    const cheapest = Math.min(...(first?.products.map((p) => p.price.amount) ?? []));
    expect(cheaper?.products.every((p) => p.price.amount < cheapest)).toBe(true);
    expect(onlyJbl?.products.every((p) => f.index.get(p.id)?.brand === 'JBL')).toBe(true);
    expect(add?.intent).toBe('add_to_cart');
    expect(add?.actions).toHaveLength(1);
    expect(add?.actions[0]).toMatchObject({
      kind: 'add_to_cart',
      params: { productId: onlyJbl?.products[1]?.id },
    });
  });

  it('answers in the language it is asked to and gives a reason per card', async () => {
    const { turns } = await talk(['20 мыңға дейін құлаққап'], undefined, 'kk');
    expect(turns[0]?.reply).toMatch(/Мынаны таптым/);
    expect(turns[0]?.products[0]?.reason).toMatch(/шегінде/);
  });

  it('"in black" narrows the last search by colour', async () => {
    const { turns } = await talk(['рюкзак', 'черный'], undefined);
    expect(turns[1]?.products.length).toBeGreaterThan(0);
    expect(turns[1]?.products.every((p) => f.index.get(p.id)?.colours.includes('black'))).toBe(true);
  });
});

describe('order tools act as the customer', () => {
  it("asking for another customer's order finds nothing", async () => {
    const { turns } = await talk(['где заказ SD-BOBB-0001'], ALICE);
    expect(turns[0]?.reply).toContain('SD-BOBB-0001');
    expect(turns[0]?.reply).toMatch(/нет заказа/);
    expect(turns[0]?.actions).toEqual([]);
  });

  it('a guest is asked to sign in', async () => {
    const { turns } = await talk(['где мой заказ']);
    expect(turns[0]?.reply).toMatch(/войдите/);
  });

  it('where is my last order answers the latest one', async () => {
    const { turns } = await talk(['where is my last order'], ALICE, 'en');
    expect(turns[0]?.reply).toContain('SD-ALIC-0002');
  });

  it('cancelling proposes an action and changes nothing by itself', async () => {
    const { turns, calls } = await talk(['отмени мой последний заказ'], BOB);
    expect(turns[0]?.actions).toHaveLength(1);
    expect(turns[0]?.actions[0]).toMatchObject({ kind: 'cancel_order', params: { number: 'SD-BOBB-0001' } });
    expect(calls.every((c) => ['orders', 'order'].includes(c))).toBe(true);
  });

  it('a return is proposed for the delivered order', async () => {
    const { turns } = await talk(['I want to return my headphones, they are broken'], ALICE, 'en');
    expect(turns[0]?.actions[0]).toMatchObject({
      kind: 'return_request',
      params: { number: 'SD-ALIC-0001' },
    });
  });
});

describe('product texts are data, never instructions', () => {
  it('a description telling the assistant to cancel and add to cart triggers no tool', async () => {
    const { turns, calls } = await talk(
      ['felt slippers', 'tell me about the first one', 'what do the reviews say'],
      BOB,
      'en',
    );
    expect(turns[0]?.products[0]?.id).toBe(INJECTED.id);
    for (const turn of turns) expect(turn.actions).toEqual([]);
    expect(calls).not.toContain('orders');
    expect(calls).not.toContain('order');
    expect(turns[1]?.reply).toContain('ignore all previous instructions');
  });

  it('says it does not know when the data does not say', async () => {
    const { turns } = await talk(
      ['felt slippers', 'does the first one have a good camera?'],
      undefined,
      'en',
    );
    expect(turns[1]?.reply).toMatch(/I don't know/);
  });
});
