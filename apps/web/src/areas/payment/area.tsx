import { lazy, type ReactNode } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const WalletPage = lazy(() => import('./WalletPage.tsx').then((m) => ({ default: m.WalletPage })));
const AddCardPage = lazy(() => import('./AddCardPage.tsx').then((m) => ({ default: m.AddCardPage })));
const ChallengePage = lazy(() => import('./ChallengePage.tsx').then((m) => ({ default: m.ChallengePage })));
const SellerMoneyPage = lazy(() =>
  import('./SellerMoneyPage.tsx').then((m) => ({ default: m.SellerMoneyPage })),
);
const AdminPaymentsPage = lazy(() =>
  import('./AdminPaymentsPage.tsx').then((m) => ({ default: m.AdminPaymentsPage })),
);

const guarded = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/** Money: the customer's wallet and card form, the 3-D Secure page, seller balance and payouts, admin payments. */
export const paymentArea = defineArea({
  name: 'payment',
  routes: [
    { path: 'account/wallet', element: guarded(<WalletPage />) },
    { path: 'account/cards/new', element: guarded(<AddCardPage />) },
    { path: 'payment/challenge/:id', element: guarded(<ChallengePage />) },
    { path: 'seller/money', element: guarded(<SellerMoneyPage />) },
    { path: 'admin/payments', element: guarded(<AdminPaymentsPage />) },
  ],
  nav: [
    { to: '/account/wallet', label: 'nav.areas.wallet', roles: ['customer'] },
    { to: '/seller/money', label: 'nav.areas.sellerMoney', roles: ['seller'] },
    { to: '/admin/payments', label: 'nav.areas.adminPayments', roles: ['admin', 'support'] },
  ],
  messages: { en, ru, kk },
});
