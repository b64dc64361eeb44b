import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describeError.ts';

interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

/** Shows short messages after actions. */
export interface Toaster {
  ok(text: string): void;
  /** A text, or the translated message of a failed call. */
  error(error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);
let nextId = 1;

/** Short-lived action messages, announced politely (success) or assertively (failure). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((text: string, tone: Toast['tone']) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-2), { id, text, tone }]);
    setTimeout(
      () => setToasts((list) => list.filter((toast) => toast.id !== id)),
      tone === 'ok' ? 3500 : 6000,
    );
  }, []);
  const toaster = useMemo<Toaster>(
    () => ({
      ok: (text) => push(text, 'ok'),
      error: (error) => push(typeof error === 'string' ? error : describeError(error, t, tRoot), 'error'),
    }),
    [push, t, tRoot],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="cab-toasts">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`cab-toast cab-toast--${toast.tone}`}
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
