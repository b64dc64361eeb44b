import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal question before a destructive action (native <dialog>: focus is trapped, Escape cancels,
 * focus returns to the opener). Open while `question` is set; `onAnswer(false)` on Cancel or Escape.
 */
export function ConfirmDialog({
  question,
  onAnswer,
  confirmLabel,
  cancelLabel,
  className = '',
  testId,
  label,
}: {
  question: string | null;
  onAnswer: (yes: boolean) => void;
  confirmLabel?: string;
  cancelLabel?: string;
  /** An extra class for areas (and tests) that address their dialog by name. */
  className?: string;
  /** `<testId>-confirm` names the confirming button. */
  testId?: string;
  /** The dialog's accessible name; the question names it when omitted. */
  label?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) dialog.showModal();
    if (!question && dialog.open) dialog.close();
  }, [question]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`.trim()}
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      aria-label={label}
      aria-labelledby={label ? undefined : textId}
    >
      <p id={textId} className="dialog__question">
        {question}
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--secondary" onClick={() => onAnswer(false)} autoFocus>
          {cancelLabel ?? t('ui.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          data-testid={testId ? `${testId}-confirm` : undefined}
          onClick={() => onAnswer(true)}
        >
          {confirmLabel ?? t('ui.confirm')}
        </button>
      </div>
    </dialog>
  );
}

/** Asks before a destructive action: `ask(question, action)` runs the action only on confirmation. */
export function useConfirm(
  options: { className?: string; confirmLabel?: string; cancelLabel?: string } = {},
): [ReactNode, (question: string, action: () => void) => void] {
  const [pending, setPending] = useState<{ question: string; action: () => void } | null>(null);
  const dialog = (
    <ConfirmDialog
      {...options}
      question={pending?.question ?? null}
      onAnswer={(yes) => {
        if (yes) pending?.action();
        setPending(null);
      }}
    />
  );
  return [dialog, (question, action) => setPending({ question, action })];
}

/**
 * A button for a destructive action that asks first. `testId` names the button and
 * `<testId>-confirm` the dialog's confirming button; with `children` the label becomes its aria-label.
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
  confirmLabel?: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
  children?: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
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
      <ConfirmDialog
        question={open ? question : null}
        label={label}
        confirmLabel={confirmLabel ?? label}
        testId={testId}
        onAnswer={(yes) => {
          setOpen(false);
          if (yes) onConfirm();
        }}
      />
    </>
  );
}
