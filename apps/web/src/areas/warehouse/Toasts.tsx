import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problemMessage.ts';

interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

interface Toaster {
  ok(text: string): void;
  /** Shows a text, or the translated message of a failed call. */
  error(error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);
let nextId = 1;

/** Short-lived messages after actions, announced to screen readers (polite for success, assertive for errors). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('warehouse');
  const { t: tRoot } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((text: string, tone: Toast['tone']) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-1), { id, text, tone }]);
    setTimeout(
      () => setToasts((list) => list.filter((toast) => toast.id !== id)),
      tone === 'ok' ? 2500 : 5000,
    );
  }, []);
  const toaster = useMemo<Toaster>(
    () => ({
      ok: (text) => push(text, 'ok'),
      error: (error) => push(typeof error === 'string' ? error : problemMessage(error, tRoot), 'error'),
    }),
    [push, tRoot],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="wh-toasts" aria-label={t('common.notifications')}>
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`wh-toast wh-toast--${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            data-testid="toast"
          >
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The toaster of the surrounding provider. */
export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a ToastProvider');
  return toaster;
}
