import type { OrderLine } from '@sauda/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cancels a whole order or some of its lines, after asking: the customer, the seller (out of stock)
 * and the admin use the same dialog.
 */
export function CancelDialog({
  open,
  lines,
  pending,
  onCancel,
  onClose,
  title,
}: {
  open: boolean;
  lines: OrderLine[];
  pending: boolean;
  onCancel: (body: { reason?: string; lineIds?: string[] }) => void;
  onClose: () => void;
  title?: string;
}) {
  const { t } = useTranslation('orders');
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [whole, setWhole] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const openLines = lines.filter((line) => line.quantity > line.cancelledQuantity);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const toggle = (lineId: string) =>
    setPicked((list) => (list.includes(lineId) ? list.filter((x) => x !== lineId) : [...list, lineId]));
  const canSend = whole || picked.length > 0;
  return (
    <dialog
      ref={dialog}
      className="od-dialog"
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      data-testid="cancel-dialog"
    >
      <form
        method="dialog"
        className="od-dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          if (!canSend) return;
          onCancel({
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(whole ? {} : { lineIds: picked }),
          });
        }}
      >
        <h2 id={`${id}-title`} className="od-h2">
          {title ?? t('cancel.title')}
        </h2>
        {openLines.length > 1 && (
          <fieldset className="od-fieldset">
            <legend className="field__label">{t('cancel.what')}</legend>
            <label className="od-check">
              <input type="radio" name="scope" checked={whole} onChange={() => setWhole(true)} />
              {t('cancel.whole')}
            </label>
            <label className="od-check">
              <input type="radio" name="scope" checked={!whole} onChange={() => setWhole(false)} />
              {t('cancel.some')}
            </label>
            {!whole && (
              <div className="od-fieldset__nested">
                {openLines.map((line) => (
                  <label key={line.id} className="od-check">
                    <input
                      type="checkbox"
                      checked={picked.includes(line.id)}
                      onChange={() => toggle(line.id)}
                    />
                    {line.title} × {line.quantity - line.cancelledQuantity}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('cancel.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            className="textarea"
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <p className="od-muted">{t('cancel.refundNote')}</p>
        <div className="od-dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose} autoFocus>
            {t('cancel.keep')}
          </button>
          <button
            type="submit"
            className="btn btn--danger"
            disabled={!canSend || pending}
            data-testid="cancel-confirm"
          >
            {pending ? t('cancel.cancelling') : whole ? t('cancel.confirmWhole') : t('cancel.confirmLines')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
