import { lazy } from 'react';
import { defineArea } from '../area.ts';
import { Shell } from '../orders/Shell.tsx';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const pages = () => import('./pages.ts');
const AdminOrdersPage = lazy(() => pages().then((m) => ({ default: m.AdminOrdersPage })));
const AdminOrderPage = lazy(() => pages().then((m) => ({ default: m.AdminOrderPage })));
const AdminReturnsPage = lazy(() => pages().then((m) => ({ default: m.AdminReturnsPage })));

/** Orders for admins and support: search, the saga's step history, cancelling, and the returns queue. */
export const adminOrdersArea = defineArea({
  name: 'admin-orders',
  routes: [
    {
      element: <Shell />,
      children: [
        { path: 'admin/orders', element: <AdminOrdersPage /> },
        { path: 'admin/orders/:id', element: <AdminOrderPage /> },
        { path: 'admin/returns', element: <AdminReturnsPage /> },
      ],
    },
  ],
  nav: [
    { to: '/admin/orders', label: 'nav.areas.adminOrders', roles: ['admin', 'support'] },
    { to: '/admin/returns', label: 'nav.areas.adminReturns', roles: ['admin', 'support'] },
  ],
  messages: { en, ru, kk },
});
