import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const SellerReviewsPage = lazy(() =>
  import('./SellerReviewsPage.tsx').then((m) => ({ default: m.SellerReviewsPage })),
);

/** The seller's reviews inbox: read and answer reviews of their own products. */
export const sellerReviewsArea = defineArea({
  name: 'seller-reviews',
  routes: [
    {
      path: 'seller/reviews',
      element: (
        <RequireAuth>
          <SellerReviewsPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [{ to: '/seller/reviews', label: 'nav.areas.sellerReviews', roles: ['seller'] }],
  messages: { en, ru, kk },
});
