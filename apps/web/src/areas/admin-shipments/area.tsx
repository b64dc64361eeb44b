import { lazy } from 'react';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { Shell } from './Shell.tsx';

const pages = () => import('./pages.ts');
const ShipmentsPage = lazy(() => pages().then((m) => ({ default: m.ShipmentsPage })));
const ShipmentPage = lazy(() => pages().then((m) => ({ default: m.ShipmentPage })));
const ScanPage = lazy(() => pages().then((m) => ({ default: m.ScanPage })));

/** Admin and support shipments (filters, full log, manual events) and the staff scan desk. */
export const adminShipmentsArea = defineArea({
  name: 'admin-shipments',
  routes: [
    {
      path: 'admin/shipments',
      element: <Shell />,
      children: [
        { index: true, element: <ShipmentsPage /> },
        { path: ':id', element: <ShipmentPage /> },
      ],
    },
    { path: 'staff/scans', element: <Shell />, children: [{ index: true, element: <ScanPage /> }] },
  ],
  nav: [
    { to: '/admin/shipments', label: 'nav.areas.adminShipments', roles: ['admin', 'support'] },
    { to: '/staff/scans', label: 'nav.areas.parcelScans', roles: ['warehouseman', 'dispatcher', 'admin'] },
  ],
  messages: { en, ru, kk },
});
