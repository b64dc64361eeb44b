import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const PromosPage = lazy(() => import('./PromosPage.tsx').then((m) => ({ default: m.PromosPage })));
const GiftCardsPage = lazy(() => import('./GiftCardsPage.tsx').then((m) => ({ default: m.GiftCardsPage })));
const RedeemGiftCardPage = lazy(() =>
  import('./RedeemGiftCardPage.tsx').then((m) => ({ default: m.RedeemGiftCardPage })),
);

/** Promo codes and gift cards for admins; gift card redemption into the wallet for customers. */
export const adminCommerceArea = defineArea({
  name: 'admin-commerce',
  routes: [
    {
      path: 'admin/promos',
      element: (
        <RequireAuth>
          <PromosPage />
        </RequireAuth>
      ),
    },
    {
      path: 'admin/gift-cards',
      element: (
        <RequireAuth>
          <GiftCardsPage />
        </RequireAuth>
      ),
    },
    {
      path: 'account/gift-cards',
      element: (
        <RequireAuth>
          <RedeemGiftCardPage />
        </RequireAuth>
      ),
    },
  ],
  nav: [
    { to: '/admin/promos', label: 'nav.areas.promos', roles: ['admin'] },
    { to: '/admin/gift-cards', label: 'nav.areas.giftCards', roles: ['admin'] },
    { to: '/account/gift-cards', label: 'nav.areas.redeemGiftCard', roles: ['customer'] },
  ],
  messages: { en, ru, kk },
});
