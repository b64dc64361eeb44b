import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { useProblem } from './useProblem.ts';
import './orders.css';

/** The frame of every order page (customer, seller, admin): signed in, with toasts. */
export function Shell() {
  const { t } = useTranslation('orders');
  const problem = useProblem();
  const describe = useCallback((error: unknown) => problem(error), [problem]);
  return (
    <RequireAuth>
      <ToastProvider describe={describe} label={t('common.notifications')}>
        <div className="container page">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </ToastProvider>
    </RequireAuth>
  );
}
