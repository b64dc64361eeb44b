import { describe, expect, it } from 'vitest';
import { ADMIN_PER_PAGE, searchParams } from './api.ts';

describe("the admin's order search", () => {
  it('sends only the filters that are set, trimmed, with the page', () => {
    const query = searchParams({
      q: ' customer@demo.sauda.kz ',
      status: '',
      sellerId: '',
      from: '2026-11-01',
      to: '',
      page: 2,
    });
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      q: 'customer@demo.sauda.kz',
      from: '2026-11-01',
      page: '2',
      limit: String(ADMIN_PER_PAGE),
    });
  });
});
