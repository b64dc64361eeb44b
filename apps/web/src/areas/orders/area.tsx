import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { Shell } from './Shell.tsx';

const pages = () => import('./pages.ts');
const OrdersPage = lazy(() => pages().then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => pages().then((m) => ({ default: m.OrderPage })));
const ReturnPage = lazy(() => pages().then((m) => ({ default: m.ReturnPage })));

/** The customer's orders: history, one order with its live checkout status, cancel and returns. */
export const ordersArea = defineArea({
  name: 'orders',
  routes: [
    {
      path: 'orders',
      element: <Shell />,
      children: [
        { index: true, element: <OrdersPage /> },
        { path: ':id', element: <OrderPage /> },
        { path: ':id/return', element: <ReturnPage /> },
      ],
    },
  ],
  nav: [{ to: '/orders', label: 'nav.areas.orders', roles: ['customer'] }],
  messages: { en, ru, kk },
});
