import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { ToastProvider } from '../../components/Toasts.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import '../tracking/tracking.css';
import './admin-shipments.css';

/** Every staff shipping page: signed in, with toasts. */
export function Shell() {
  const { t } = useTranslation('admin-shipments');
  const { t: tRoot } = useTranslation();
  const describe = useCallback((error: unknown) => problemMessage(error, tRoot), [tRoot]);
  return (
    <RequireAuth>
      <ToastProvider describe={describe} label={t('common.notifications')} keep={2}>
        <div className="container page shp">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </ToastProvider>
    </RequireAuth>
  );
}
