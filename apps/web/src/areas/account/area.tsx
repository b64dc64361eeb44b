import { lazy } from 'react';
import { RequireAuth } from '../../auth/guards.tsx';
import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

// One chunk for the whole cabinet: every page comes from the same dynamic import.
const pages = () => import('./index.ts');
const CabinetShell = lazy(() => pages().then((m) => ({ default: m.CabinetShell })));
const AccountPage = lazy(() => pages().then((m) => ({ default: m.AccountPage })));
const ProfilePage = lazy(() => pages().then((m) => ({ default: m.ProfilePage })));
const AddressesPage = lazy(() => pages().then((m) => ({ default: m.AddressesPage })));
const CardsPage = lazy(() => pages().then((m) => ({ default: m.CardsPage })));
const SecurityPage = lazy(() => pages().then((m) => ({ default: m.SecurityPage })));
const SessionsPage = lazy(() => pages().then((m) => ({ default: m.SessionsPage })));
const SellerPage = lazy(() => pages().then((m) => ({ default: m.SellerPage })));

/** The customer cabinet: overview, profile, addresses, saved cards, security, sessions, becoming a seller. */
export const accountArea = defineArea({
  name: 'account',
  routes: [
    {
      path: 'account',
      element: (
        <RequireAuth>
          <CabinetShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <AccountPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: 'addresses', element: <AddressesPage /> },
        { path: 'payment-methods', element: <CardsPage /> },
        { path: 'security', element: <SecurityPage /> },
        { path: 'sessions', element: <SessionsPage /> },
        { path: 'seller', element: <SellerPage /> },
      ],
    },
  ],
  messages: { en, ru, kk },
});
