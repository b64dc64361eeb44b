import { describe, expect, it } from 'vitest';
import { demoProductId } from '@sauda/contracts';
import { fixture, INJECTED } from '../test/fixture.ts';

const { index } = fixture();

describe('the catalog index', () => {
  it('finds an English-only product from Russian and Kazakh words through concept terms', () => {
    for (const text of ['самовар', 'самауыр', 'samovar'])
      expect(index.search({ text, filters: { category: 'kitchen' }, limit: 3 }).hits[0]?.id).toBe(
        demoProductId(16),
      );
  });

  it('applies every filter: category subtree, brand, colour and price', () => {
    const { hits } = index.search({
      text: 'headphones',
      filters: { category: 'electronics', brand: 'JBL', priceMax: 3_000_000 },
      limit: 10,
    });
    expect(hits.length).toBeGreaterThan(0);
    for (const p of hits) {
      expect(p.categoryPath).toContain('electronics');
      expect(p.brand).toBe('JBL');
      expect(p.price).toBeLessThanOrEqual(3_000_000);
    }
  });

  it('drops the colour first when nothing matches every filter, and says so', () => {
    const result = index.search({
      text: 'samovar',
      filters: { category: 'kitchen', colour: 'purple' },
      limit: 3,
    });
    expect(result.relaxed).toEqual(['colour']);
    expect(result.hits[0]?.id).toBe(demoProductId(16));
  });

  it('sorts by price when asked', () => {
    const { hits } = index.search({
      text: '',
      filters: { category: 'tablets' },
      sort: 'price_asc',
      limit: 5,
    });
    expect(hits.map((p) => p.price)).toEqual([...hits.map((p) => p.price)].sort((a, b) => a - b));
  });

  it('a removed product stops matching at once and comes back when upserted', () => {
    index.remove(INJECTED.id);
    expect(
      index.search({ text: 'felt slippers', filters: {}, requireMatch: true }).hits.map((p) => p.id),
    ).not.toContain(INJECTED.id);
    index.upsert(INJECTED);
    expect(index.search({ text: 'felt slippers', filters: {}, requireMatch: true }).hits[0]?.id).toBe(
      INJECTED.id,
    );
  });
});
