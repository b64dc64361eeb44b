import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { Shell } from './Shell.tsx';

// Every page of the area comes from the same dynamic import: one chunk, loaded on first visit.
const pages = () => import('./pages.ts');
const PickQueuePage = lazy(() => pages().then((m) => ({ default: m.PickQueuePage })));
const PickTaskPage = lazy(() => pages().then((m) => ({ default: m.PickTaskPage })));
const PackPage = lazy(() => pages().then((m) => ({ default: m.PackPage })));
const PackingSlipPage = lazy(() => pages().then((m) => ({ default: m.PackingSlipPage })));
const ReceivingPage = lazy(() => pages().then((m) => ({ default: m.ReceivingPage })));
const ReturnsPage = lazy(() => pages().then((m) => ({ default: m.ReturnsPage })));
const SellerStockPage = lazy(() => pages().then((m) => ({ default: m.SellerStockPage })));
const DepotsPage = lazy(() => pages().then((m) => ({ default: m.DepotsPage })));

/** Warehouse (pick, pack, receiving, returns), the seller's stock page and the admin's depots. */
export const warehouseArea = defineArea({
  name: 'warehouse',
  routes: [
    {
      path: 'warehouse',
      element: <Shell tabs />,
      children: [
        { index: true, element: <PickQueuePage /> },
        { path: 'tasks/:id', element: <PickTaskPage /> },
        { path: 'tasks/:id/pack', element: <PackPage /> },
        { path: 'parcels/:code', element: <PackingSlipPage /> },
        { path: 'receiving', element: <ReceivingPage /> },
        { path: 'returns', element: <ReturnsPage /> },
      ],
    },
    { path: 'seller/stock', element: <Shell />, children: [{ index: true, element: <SellerStockPage /> }] },
    { path: 'admin/depots', element: <Shell />, children: [{ index: true, element: <DepotsPage /> }] },
  ],
  nav: [
    { to: '/warehouse', label: 'nav.areas.warehouse', roles: ['warehouseman'] },
    { to: '/seller/stock', label: 'nav.areas.sellerStock', roles: ['seller'] },
    { to: '/admin/depots', label: 'nav.areas.depots', roles: ['admin'] },
  ],
  messages: { en, ru, kk },
});
