import { lazy, Suspense } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const SellerDashboardPage = lazy(() =>
  import('./SellerDashboardPage.tsx').then((m) => ({ default: m.SellerDashboardPage })),
);

/** The seller's dashboard: sales, orders, settlements and payouts over the last 7, 30 or 90 days. */
export const sellerDashboardArea = defineArea({
  name: 'seller-dashboard',
  routes: [
    {
      path: 'seller/dashboard',
      element: (
        <RequireAuth>
          <div className="container page">
            <Suspense fallback={<PageLoader />}>
              <SellerDashboardPage />
            </Suspense>
          </div>
        </RequireAuth>
      ),
    },
  ],
  nav: [{ to: '/seller/dashboard', label: 'nav.areas.sellerDashboard', roles: ['seller'] }],
  messages: { en, ru, kk },
});
