import { lazy, Suspense } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const AdminDashboardPage = lazy(() =>
  import('./AdminDashboardPage.tsx').then((m) => ({ default: m.AdminDashboardPage })),
);

/** The marketplace at a glance for admins: GMV, orders, cancellations and deliveries on time. */
export const adminDashboardArea = defineArea({
  name: 'admin-dashboard',
  routes: [
    {
      path: 'admin/dashboard',
      element: (
        <RequireAuth>
          <div className="container page">
            <Suspense fallback={<PageLoader />}>
              <AdminDashboardPage />
            </Suspense>
          </div>
        </RequireAuth>
      ),
    },
  ],
  nav: [{ to: '/admin/dashboard', label: 'nav.areas.adminDashboard', roles: ['admin'] }],
  messages: { en, ru, kk },
});
