import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for a destructive action that first asks in a modal dialog (native <dialog>: focus is
 * trapped, Escape cancels, focus returns to the button).
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  className = 'btn btn--ghost',
  disabled = false,
  children,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation('account');
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label={children ? label : undefined}
        data-testid={testId}
      >
        {children ?? label}
      </button>
      <dialog ref={dialog} className="cab-dialog" onClose={() => setOpen(false)} aria-label={label}>
        <p className="cab-dialog__question">{question}</p>
        <div className="cab-dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)} autoFocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn--danger"
            data-testid={testId ? `${testId}-confirm` : undefined}
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
