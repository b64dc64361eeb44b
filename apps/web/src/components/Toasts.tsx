import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

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

export interface ToastProviderProps {
  children: ReactNode;
  /** Turns a failed call into a translated sentence. */
  describe: (error: unknown) => string;
  /** Accessible name of the message region. */
  label?: string;
  /** How many messages stay on screen at once. */
  keep?: number;
}

/** Short-lived action messages, announced politely (success) or assertively (failure). */
export function ToastProvider({ children, describe, label, keep = 2 }: ToastProviderProps) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback(
    (text: string, tone: Toast['tone']) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(1 - keep), { id, text, tone }]);
      setTimeout(
        () => setToasts((list) => list.filter((toast) => toast.id !== id)),
        tone === 'ok' ? 3000 : 6000,
      );
    },
    [keep],
  );
  const toaster = useMemo<Toaster>(
    () => ({
      ok: (text) => push(text, 'ok'),
      error: (error) => push(typeof error === 'string' ? error : describe(error), 'error'),
    }),
    [push, describe],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts" role="region" aria-label={label}>
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
    </ToastContext.Provider>
  );
}

/** The toaster of the surrounding provider. */
export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a ToastProvider');
  return toaster;
}
