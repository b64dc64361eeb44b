import { MANUAL_TRACKING_CODES, type ManualTrackingCode } from '@sauda/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { shipmentCommands, type ManualTrackingEvent } from './api.ts';

const REASONS = [
  'recipient_absent',
  'address_not_found',
  'refused',
  'no_access',
  'damaged',
  'other',
] as const;
const PLACES = ['depot', 'sorting_centre', 'address', 'carrier'] as const;
type PlaceKind = (typeof PLACES)[number];

/** Support's manual event: a code, a reason, a place and an internal note; the lifecycle guards it server-side. */
export function ManualEventForm({ shipmentId }: { shipmentId: string }) {
  const { t } = useTranslation('admin-shipments');
  const { t: tt } = useTranslation('tracking');
  const client = useQueryClient();
  const toast = useToast();
  const [code, setCode] = useState<ManualTrackingCode>('note');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [place, setPlace] = useState<PlaceKind | ''>('');
  const [city, setCity] = useState('');
  const log = useMutation({
    mutationFn: (event: ManualTrackingEvent) => shipmentCommands.logEvent(shipmentId, event),
    onSuccess: (detail) => {
      client.setQueryData(['shipments', 'detail', shipmentId], detail);
      void client.invalidateQueries({ queryKey: ['shipments', 'list'] });
      toast.ok(t('form.logged'));
      setNote('');
      setReason('');
    },
    onError: (error) => toast.error(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({
      code,
      ...(reason ? { reason } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(place ? { place: { kind: place, ...(city.trim() ? { city: city.trim() } : {}) } } : {}),
    });
  };
  return (
    <form className="trk-card shp-form" onSubmit={onSubmit} aria-labelledby="shp-form-title">
      <h2 id="shp-form-title" className="trk-subtitle">
        {t('form.title')}
      </h2>
      <Select
        label={t('form.code')}
        id="shp-code"
        value={code}
        onChange={(v) => setCode(v as ManualTrackingCode)}
      >
        {MANUAL_TRACKING_CODES.map((c) => (
          <option key={c} value={c}>
            {tt(`code.${c}`)}
          </option>
        ))}
      </Select>
      {(code === 'delivery_failed' || code === 'exception') && (
        <Select
          label={t('form.reason')}
          id="shp-reason"
          value={reason}
          onChange={setReason}
          hint={t('form.reasonHint')}
        >
          <option value="">—</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {tt(`reason.${r}`)}
            </option>
          ))}
        </Select>
      )}
      <div className="shp-grid2">
        <Select
          label={t('form.placeKind')}
          id="shp-place"
          value={place}
          onChange={(v) => setPlace(v as PlaceKind | '')}
        >
          <option value="">{t('form.noPlace')}</option>
          {PLACES.map((p) => (
            <option key={p} value={p}>
              {tt(`place.${p}`)}
            </option>
          ))}
        </Select>
        <TextField
          label={t('form.city')}
          value={city}
          maxLength={80}
          onChange={(e) => setCity(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="shp-note">
          {t('form.note')}
        </label>
        <textarea
          id="shp-note"
          className="input shp-textarea"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn--primary" disabled={log.isPending}>
        {log.isPending ? t('form.saving') : t('form.submit')}
      </button>
    </form>
  );
}

function Select({
  label,
  id,
  value,
  onChange,
  hint,
  children,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="select-wrap">
        <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      </div>
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
