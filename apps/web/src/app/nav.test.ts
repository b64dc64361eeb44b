import { describe, expect, it } from 'vitest';
import type { User } from '../api/types.ts';
import { visibleNav, workspacesOf, type NavItem } from './nav.ts';

const items: NavItem[] = [
  { to: '/products', label: 'nav.catalog' },
  { to: '/seller', label: 'nav.areas.seller', roles: ['seller'] },
  { to: '/admin', label: 'nav.areas.admin', roles: ['admin'] },
  { to: '/warehouse', label: 'nav.areas.warehouse', roles: ['warehouseman', 'admin'] },
];
const user = (roles: string[]): User => ({ id: '1', email: 'a@b.kz', name: 'A', roles });

describe('the navigation', () => {
  it('shows anonymous visitors only the public areas', () => {
    expect(visibleNav(null, items).map((item) => item.to)).toEqual(['/products']);
  });

  it('shows a seller the seller panel but not the admin', () => {
    expect(visibleNav(user(['customer', 'seller']), items).map((item) => item.to)).toEqual([
      '/products',
      '/seller',
    ]);
  });

  it('shows an area to any of the roles it allows', () => {
    expect(workspacesOf(user(['admin']), items).map((item) => item.to)).toEqual(['/admin', '/warehouse']);
  });

  it('ignores roles the app does not know', () => {
    expect(workspacesOf(user(['auditor']), items)).toEqual([]);
  });
});
