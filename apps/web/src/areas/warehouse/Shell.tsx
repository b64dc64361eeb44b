import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import './warehouse.css';

/** Every page of the area: signed in, with toasts; `tabs` adds the warehouse section links. */
export function Shell({ tabs = false }: { tabs?: boolean }) {
  const { t } = useTranslation('warehouse');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => problemMessage(error, tRoot), [tRoot]);
  return (
    <RequireAuth>
      <ToastProvider describe={describe} label={t('common.notifications')} keep={2}>
        <div className="container page wh">
          {tabs && (
            <nav className="wh-tabs" aria-label={t('nav.label')}>
              <NavLink to="/warehouse" end className="wh-tabs__link">
                {t('nav.queue')}
              </NavLink>
              <NavLink to="/warehouse/receiving" className="wh-tabs__link">
                {t('nav.receiving')}
              </NavLink>
              <NavLink to="/warehouse/returns" className="wh-tabs__link">
                {t('nav.returns')}
              </NavLink>
            </nav>
          )}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </ToastProvider>
    </RequireAuth>
  );
}

/** Placeholder rows while a list loads. */
export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <ul className="wh-list" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="card wh-card">
          <span className="skeleton skeleton--title" style={{ width: '45%' }} />
          <span className="skeleton skeleton--text" style={{ width: '70%' }} />
        </li>
      ))}
    </ul>
  );
}
