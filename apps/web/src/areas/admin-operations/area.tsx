import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const OperationsPage = lazy(() =>
  import('./OperationsPage.tsx').then((m) => ({ default: m.OperationsPage })),
);

/** Live load and health of every service and replica, for admins and support. */
export const adminOperationsArea = defineArea({
  name: 'admin-operations',
  routes: [
    {
      path: 'admin/operations',
      element: (
        <RequireAuth>
          <OperationsPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [{ to: '/admin/operations', label: 'nav.areas.adminOperations', roles: ['admin', 'support'] }],
  messages: { en, ru, kk },
});
