import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  buildMatrix,
  concretePath,
  isAllowed,
  operationsOf,
  safeToSendAllowed,
  type Caller,
} from './authorization-matrix.ts';

const driver: Caller = { name: 'driver', roles: ['driver'] };
const support: Caller = { name: 'support', roles: ['support'] };
const seller: Caller = { name: 'seller', roles: ['seller', 'customer'] };
const admin: Caller = { name: 'admin', roles: ['admin'] };

const doc = {
  paths: {
    '/api/orders/{id}': {
      get: { 'x-access': 'authenticated' },
      parameters: [],
    },
    '/api/admin/users': { get: { 'x-access': 'admin, support' } },
    '/api/auth/logout': { post: { 'x-access': 'authenticated' } },
    '/api/seller/products': {
      post: { 'x-access': 'seller', requestBody: { required: true, content: { 'application/json': {} } } },
    },
    '/api/products': { get: { 'x-access': 'public' } },
    '/docs': { get: { summary: 'kit route without a declaration' } },
  },
};

describe('authorization matrix', () => {
  it('reads every declared operation and ignores undeclared kit routes', () => {
    expect(operationsOf(doc).map((op) => `${op.method} ${op.path}`)).toEqual([
      'GET /api/admin/users',
      'POST /api/auth/logout',
      'GET /api/orders/{id}',
      'GET /api/products',
      'POST /api/seller/products',
    ]);
  });

  it.each([
    ['public', ANONYMOUS, true],
    ['authenticated', ANONYMOUS, false],
    ['authenticated', driver, true],
    ['admin, support', support, true],
    ['admin, support', seller, false],
    ['customer', seller, true],
    ['seller', admin, false],
  ] as const)('access %s for %o is %s', (access, caller, allowed) => {
    expect(isAllowed(access, caller)).toBe(allowed);
  });

  it('has one cell per operation and caller, and admins are never allowed by default', () => {
    const matrix = buildMatrix(doc, [ANONYMOUS, driver, support, seller, admin]);
    expect(matrix).toHaveLength(5 * 5);
    const sellerOnly = matrix.filter((c) => c.operation.path === '/api/seller/products');
    expect(sellerOnly.filter((c) => c.allowed).map((c) => c.caller.name)).toEqual(['seller']);
  });

  it('fills path templates with ids and codes nobody owns', () => {
    const id = '01990000-0000-7000-8000-000000000000';
    expect(concretePath('/api/orders/{id}/returns', id)).toBe(`/api/orders/${id}/returns`);
    expect(concretePath('/api/tracking/{trackingNumber}', id)).toBe('/api/tracking/SD000000000KZ');
    expect(concretePath('/api/cart/promo/{code}', id)).toBe('/api/cart/promo/NOBODYS-CODE-1');
  });

  it('sends allowed callers only reads and writes whose empty body fails validation', () => {
    const [admins, logout, , , create] = operationsOf(doc);
    expect(safeToSendAllowed(admins!)).toBe(true);
    expect(safeToSendAllowed(logout!)).toBe(false);
    expect(safeToSendAllowed(create!)).toBe(true);
  });
});
