/**
 * Small pieces the catalog areas (seller catalog, admin catalog) share: toasts,
 * an error sentence that knows the catalog's own problem codes, and the page frame.
 */
import { createContext, Suspense, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { RequireAuth } from '../../auth/guards.tsx';
import { PageLoader } from '../../components/states.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import './catalog-ui.css';

type Notify = (text: string, tone?: 'ok' | 'error') => void;
const NotifyContext = createContext<Notify>(() => undefined);

/** Signed-in frame with toasts for every page of a catalog area. */
export function CatalogShell() {
  const { t } = useTranslation('sellerCatalog');
  const [toasts, setToasts] = useState<Array<{ id: number; text: string; tone: 'ok' | 'error' }>>([]);
  const counter = useRef(0);
  const notify = useCallback<Notify>((text, tone = 'ok') => {
    const id = (counter.current += 1);
    setToasts((list) => [...list.slice(-2), { id, text, tone }]);
    window.setTimeout(
      () => setToasts((list) => list.filter((x) => x.id !== id)),
      tone === 'ok' ? 3500 : 7000,
    );
  }, []);
  return (
    <RequireAuth>
      <NotifyContext.Provider value={notify}>
        <div className="container page sc">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
        <div className="toasts" role="region" aria-label={t('common.notifications')}>
          {toasts.map((toast) => (
            <div
              key={toast.id}
              className={`toast toast--${toast.tone}`}
              role={toast.tone === 'error' ? 'alert' : 'status'}
              data-testid="toast"
            >
              {toast.text}
            </div>
          ))}
        </div>
      </NotifyContext.Provider>
    </RequireAuth>
  );
}

/** Shows a short message after an action. */
export const useNotify = (): Notify => useContext(NotifyContext);

/** A translated sentence for a failed call: the catalog's own codes first, then the app's. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('sellerCatalog');
  const { t: tRoot } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const own: string = t(`errors.${error.code}` as 'errors.DUPLICATE_SKU', { defaultValue: '' });
        if (own) return error.detail && error.status === 422 ? `${own} (${error.detail})` : own;
      }
      return problemMessage(error, tRoot);
    },
    [t, tRoot],
  );
}

/** Memoised `tenge text → minor units` and back for price inputs ("12 490,50" ↔ 1249050). */
export function useTengeInput() {
  return useMemo(
    () => ({
      toMinor: (text: string): number | null => {
        const clean = text.replace(/[\s\u00a0₸]/g, '').replace(',', '.');
        if (!/^\d{1,10}(\.\d{1,2})?$/.test(clean)) return null;
        const minor = Math.round(Number(clean) * 100);
        return minor > 0 ? minor : null;
      },
      toText: (minor: number | null | undefined): string =>
        minor == null ? '' : (minor / 100).toFixed(minor % 100 === 0 ? 0 : 2),
    }),
    [],
  );
}
