import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../auth/useSession.ts';
import { EmptyState } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { useCallback } from 'react';
import { describeError } from '../account/describeError.ts';
import '../account/account.css';
import '../account/cabinet.css';

const TABS = [
  { to: '/admin/users', key: 'users' },
  { to: '/admin/seller-applications', key: 'applications' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/mailbox', key: 'mailbox' },
] as const;

/** True when the signed-in user may change things here (support only reads). */
export function useCanEdit(): boolean {
  return useSession().user?.roles.includes('admin') ?? false;
}

/** The user tools' frame: staff only; tabs for users, applications, audit log and mailbox. */
export function AdminShell() {
  const { t } = useTranslation('adminUsers');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => describeError(error, tAccount, tRoot), [tAccount, tRoot]);
  const { user } = useSession();
  const staff = user?.roles.some((role) => role === 'admin' || role === 'support') ?? false;
  if (!staff)
    return (
      <div className="container page">
        <EmptyState icon="user" title={t('forbidden.title')}>
          {t('forbidden.text')}
        </EmptyState>
      </div>
    );
  return (
    <ToastProvider describe={describe} keep={3}>
      <div className="container page cabinet">
        <h1 className="visually-hidden">{t('title')}</h1>
        <nav className="cabinet__tabs" aria-label={t('tabs.label')}>
          {TABS.map((tab) => (
            <NavLink key={tab.to} to={tab.to} className="cabinet__tab">
              {t(`tabs.${tab.key}`)}
            </NavLink>
          ))}
        </nav>
        <div className="cabinet__body cab-admin">
          <Outlet />
        </div>
      </div>
    </ToastProvider>
  );
}
