import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useCallback } from 'react';
import { ToastProvider } from '../../components/Toasts.tsx';
import { describeError } from './describeError.ts';
import './account.css';
import './cabinet.css';

const TABS = [
  { to: '/account', key: 'overview', end: true },
  { to: '/account/profile', key: 'profile', end: false },
  { to: '/account/addresses', key: 'addresses', end: false },
  { to: '/account/payment-methods', key: 'cards', end: false },
  { to: '/account/security', key: 'security', end: false },
  { to: '/account/sessions', key: 'sessions', end: false },
  { to: '/account/seller', key: 'seller', end: false },
] as const;

/** The customer cabinet's frame: its sections as tabs (a scrollable strip on phones) and the page. */
export function CabinetShell() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => describeError(error, t, tRoot), [t, tRoot]);
  return (
    <ToastProvider describe={describe} keep={3}>
      <div className="container page cabinet">
        <nav className="cabinet__tabs" aria-label={t('tabs.label')}>
          {TABS.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end={tab.end} className="cabinet__tab">
              {t(`tabs.${tab.key}`)}
            </NavLink>
          ))}
        </nav>
        <div className="cabinet__body">
          <Outlet />
        </div>
      </div>
    </ToastProvider>
  );
}
