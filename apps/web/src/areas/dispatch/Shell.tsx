import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { describeError } from './describeError.ts';
import './dispatch.css';

/** The dispatcher's pages: signed in, with toasts and the board / fleet tabs. */
export function Shell() {
  const { t } = useTranslation('dispatch');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => describeError(error, t, tRoot), [t, tRoot]);
  return (
    <RequireAuth>
      <ToastProvider describe={describe} label={t('common.notifications')} keep={2}>
        <div className="container page dm">
          <nav className="dm-tabs" aria-label={t('nav.label')}>
            <NavLink to="/dispatch" end className="dm-tabs__link">
              {t('nav.board')}
            </NavLink>
            <NavLink to="/dispatch/fleet" className="dm-tabs__link">
              {t('nav.fleet')}
            </NavLink>
          </nav>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </ToastProvider>
    </RequireAuth>
  );
}
