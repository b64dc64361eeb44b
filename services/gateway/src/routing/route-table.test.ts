import { describe, expect, it } from 'vitest';
import { resolveRoute } from './route-table.ts';

describe('resolveRoute', () => {
  it.each([
    ['/api/auth/login', 'users', '/auth/login', false],
    ['/api/me', 'users', '/me', true],
    ['/api/me/addresses', 'users', '/me/addresses', true],
    ['/api/products?q=phone&limit=20', 'shop', '/products?q=phone&limit=20', false],
    ['/api/products/0190-abc', 'shop', '/products/0190-abc', false],
    ['/api/seller/products/1', 'shop', '/seller/products/1', true],
    ['/api/seller/orders', 'orders', '/seller/orders', true],
    ['/api/seller/returns', 'orders', '/seller/returns', true],
    ['/api/admin/orders?status=confirmed', 'orders', '/admin/orders?status=confirmed', true],
    [
      '/api/admin/returns/01900000-0000-7000-8000-000000000001/approve',
      'orders',
      '/admin/returns/01900000-0000-7000-8000-000000000001/approve',
      true,
    ],
    ['/api/cart/items', 'orders', '/cart/items', false],
    ['/api/seller/orders/stats?days=30', 'orders', '/seller/orders/stats?days=30', true],
    ['/api/admin/orders/stats?days=90', 'orders', '/admin/orders/stats?days=90', true],
    ['/api/payment/seller/stats?days=7', 'payment', '/payment/seller/stats?days=7', false],
    ['/api/admin/shipments/stats?days=30', 'shipping', '/admin/shipments/stats?days=30', true],
    ['/api/tracking/SD123456785KZ', 'shipping', '/tracking/SD123456785KZ', false],
  ])('sends %s to %s as %s', (path, service, upstreamPath, signedIn) => {
    const resolved = resolveRoute(path);
    expect(resolved?.route.service).toBe(service);
    expect(resolved?.upstreamPath).toBe(upstreamPath);
    expect(resolved?.route.signedIn).toBe(signedIn);
  });

  it('matches whole segments only', () => {
    expect(resolveRoute('/api/productsx')).toBeUndefined();
    expect(resolveRoute('/api/mee')).toBeUndefined();
    expect(resolveRoute('/api')).toBeUndefined();
  });
});
