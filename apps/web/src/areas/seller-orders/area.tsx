import { lazy } from 'react';
import { defineArea } from '../area.ts';
import { Shell } from '../orders/Shell.tsx';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const pages = () => import('./pages.ts');
const SellerOrdersPage = lazy(() => pages().then((m) => ({ default: m.SellerOrdersPage })));
const SellerOrderPage = lazy(() => pages().then((m) => ({ default: m.SellerOrderPage })));
const SellerReturnsPage = lazy(() => pages().then((m) => ({ default: m.SellerReturnsPage })));

/** The seller's orders (theirs only), their details with cancelling out-of-stock lines, and returns to decide. */
export const sellerOrdersArea = defineArea({
  name: 'seller-orders',
  routes: [
    {
      element: <Shell />,
      children: [
        { path: 'seller/orders', element: <SellerOrdersPage /> },
        { path: 'seller/orders/:id', element: <SellerOrderPage /> },
        { path: 'seller/returns', element: <SellerReturnsPage /> },
      ],
    },
  ],
  nav: [
    { to: '/seller/orders', label: 'nav.areas.sellerOrders', roles: ['seller'] },
    { to: '/seller/returns', label: 'nav.areas.sellerReturns', roles: ['seller'] },
  ],
  messages: { en, ru, kk },
});
