import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { describeError } from './describeError.ts';
import './driver.css';

/** The driver's pages: phone-first, signed in, with toasts. */
export function Shell() {
  const { t } = useTranslation('driver');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => describeError(error, t, tRoot), [t, tRoot]);
  return (
    <RequireAuth>
      <ToastProvider describe={describe} label={t('common.notifications')} keep={2}>
        <div className="container page dr">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </ToastProvider>
    </RequireAuth>
  );
}
