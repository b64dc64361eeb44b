import type { DeliverStop } from '@sauda/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { windowAt } from '../dispatch/time.ts';
import { driverActions, driverQueries, pendingStatusOf, usePendingActions, type Stop } from './api.ts';
import { navigationLinks } from './navigation.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { compressPhoto, SignaturePad } from './SignaturePad.tsx';
import { latestPosition } from './usePositionPings.ts';

const REASONS = [
  'recipient_absent',
  'address_not_found',
  'refused',
  'no_access',
  'damaged',
  'cash_not_available',
  'other',
] as const;

/** One stop on the phone: where and who, hand-off to navigation, arrive, deliver with proof, or fail. */
export function StopPage() {
  const { t } = useTranslation('driver');
  const { id = '' } = useParams();
  const rounds = useQuery(driverQueries.rounds());
  const pending = usePendingActions();
  const round = rounds.data?.find((r) => r.stops.some((s) => s.id === id));
  const stop = round?.stops.find((s) => s.id === id);
  useDocumentTitle(stop?.recipientName ?? t('stop.title'));
  const toast = useToast();
  const navigate = useNavigate();
  const client = useQueryClient();
  // The server's answer replaces the outbox's guess only once the round is read again.
  const refresh = () => client.invalidateQueries({ queryKey: ['driver'] });
  const [mode, setMode] = useState<'deliver' | 'fail'>('deliver');
  const done = async (result: 'sent' | 'queued', message: string) => {
    await refresh();
    toast.ok(result === 'sent' ? message : t('offline.queued'));
    void navigate('/driver');
  };
  const arrive = useMutation({
    mutationFn: () => driverActions.arrive(id, latestPosition()),
    onSuccess: async (result) => {
      await refresh();
      toast.ok(result === 'sent' ? t('stop.arrivedDone') : t('offline.queued'));
    },
    onError: (error) => toast.error(error),
  });
  const deliver = useMutation({
    mutationFn: (proof: DeliverStop) => driverActions.deliver(id, proof),
    onSuccess: (result) => done(result, t('stop.deliveredDone')),
    onError: (error) => toast.error(error),
  });
  const fail = useMutation({
    mutationFn: (attempt: { reason: (typeof REASONS)[number]; note?: string }) =>
      driverActions.fail(id, { ...attempt, ...(latestPosition() ? { position: latestPosition() } : {}) }),
    onSuccess: (result) => done(result, t('stop.failedDone')),
    onError: (error) => toast.error(error),
  });

  if (rounds.isPending) return <span className="skeleton" style={{ height: 240 }} aria-hidden="true" />;
  if (!stop || !round)
    return (
      <EmptyState icon="box" title={t('stop.missing')} action={<Link to="/driver">{t('stop.back')}</Link>}>
        {t('stop.missingText')}
      </EmptyState>
    );
  const status = pendingStatusOf(pending, stop.id) ?? stop.status;
  const roundStatus = pendingStatusOf(pending, round.id) ?? round.status;
  const open = roundStatus === 'started' && (status === 'out' || status === 'arrived');
  return (
    <section className="dr-stop-page" aria-labelledby="stop-title">
      <PendingBanner />
      <Link to="/driver" className="dr-back">
        ← {t('stop.back')}
      </Link>
      <header className="dr-head">
        <h1 id="stop-title" className="dr-title">
          {stop.sequence}. {stop.recipientName || stop.trackingNumber}
        </h1>
        <p>{stop.address}</p>
        <p className="dr-muted">
          {stop.trackingNumber} · {t('stop.eta', { eta: windowAt(stop.eta, 300) })}
          {stop.window && ` · ${t('stop.window', { window: windowAt(stop.window, 300) })}`}
        </p>
        <span className={`dr-status dr-status--${status}`} data-testid="stop-status">
          {t(`stopStatus.${status as Stop['status']}`)}
        </span>
      </header>
      <div className="dr-actions-row">
        {stop.phone && (
          <a className="btn btn--secondary" href={`tel:${stop.phone.replace(/\s/g, '')}`}>
            {t('stop.call')}
          </a>
        )}
        {navigationLinks(stop).map((link) => (
          <a key={link.name} className="btn btn--ghost" href={link.href} target="_blank" rel="noreferrer">
            {link.name === 'geo' ? t('stop.mapsApp') : link.name}
          </a>
        ))}
      </div>
      {roundStatus !== 'started' && status !== 'delivered' && status !== 'failed' && (
        <p className="dr-note">{t('stop.startFirst')}</p>
      )}
      {open && status === 'out' && (
        <button
          type="button"
          className="btn btn--secondary btn--large btn--full"
          disabled={arrive.isPending}
          onClick={() => arrive.mutate()}
          data-testid="arrive"
        >
          {t('stop.arrive')}
        </button>
      )}
      {open && (
        <>
          <div className="dr-segment" role="group">
            {(['deliver', 'fail'] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                className="dr-segment__button"
                onClick={() => setMode(m)}
              >
                {t(`stop.${m}Tab`)}
              </button>
            ))}
          </div>
          {mode === 'deliver' ? (
            <DeliverForm stop={stop} busy={deliver.isPending} onSubmit={(proof) => deliver.mutate(proof)} />
          ) : (
            <FailForm busy={fail.isPending} onSubmit={(attempt) => fail.mutate(attempt)} />
          )}
        </>
      )}
    </section>
  );
}

function DeliverForm({
  stop,
  busy,
  onSubmit,
}: {
  stop: Stop;
  busy: boolean;
  onSubmit: (proof: DeliverStop) => void;
}) {
  const { t } = useTranslation('driver');
  const { money } = useLocale();
  const [name, setName] = useState(stop.recipientName);
  const [signature, setSignature] = useState<string | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [cash, setCash] = useState(false);
  const cod = stop.cashOnDelivery;
  const hasProof = Boolean(signature ?? photo) || /^\d{4}$/.test(pin);
  const ready = hasProof && (!cod || cash);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const position = latestPosition();
    onSubmit({
      ...(name.trim() ? { recipientName: name.trim() } : {}),
      ...(signature ? { signature } : {}),
      ...(photo ? { photo } : {}),
      ...(/^\d{4}$/.test(pin) ? { pin } : {}),
      ...(position ? { position } : {}),
      ...(cod && cash ? { cashCollected: cod } : {}),
    });
  };
  return (
    <form className="dr-form" onSubmit={submit} data-testid="deliver-form">
      {cod && (
        <label className="dr-cashbox">
          <input
            type="checkbox"
            checked={cash}
            onChange={(e) => setCash(e.target.checked)}
            data-testid="cash-collected"
          />
          <span>{t('deliver.cash', { amount: money(cod) })}</span>
        </label>
      )}
      <label className="dr-field">
        <span>{t('deliver.name')}</span>
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          data-testid="recipient-name"
        />
      </label>
      <div className="dr-field">
        <span>{t('deliver.signature')}</span>
        <SignaturePad
          label={t('deliver.signatureLabel')}
          clearLabel={t('deliver.clear')}
          onChange={setSignature}
        />
      </div>
      <label className="dr-field">
        <span>{t('deliver.photo')}</span>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void compressPhoto(file).then(setPhoto);
          }}
        />
      </label>
      <label className="dr-field">
        <span>{t('deliver.pin')}</span>
        <input
          className="input"
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      {!hasProof && <p className="dr-muted">{t('deliver.needProof')}</p>}
      <button
        type="submit"
        className="btn btn--primary btn--large btn--full"
        disabled={!ready || busy}
        data-testid="confirm-delivery"
      >
        {t('deliver.confirm')}
      </button>
    </form>
  );
}

function FailForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (a: { reason: (typeof REASONS)[number]; note?: string }) => void;
}) {
  const { t } = useTranslation('driver');
  const [reason, setReason] = useState<(typeof REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  return (
    <form
      className="dr-form"
      data-testid="fail-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) onSubmit({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <fieldset className="dr-reasons">
        <legend>{t('fail.reason')}</legend>
        {REASONS.map((r) => (
          <label key={r} className="dr-reason">
            <input
              type="radio"
              name="reason"
              value={r}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            <span>{t(`fail.reasons.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="dr-field">
        <span>{t('fail.note')}</span>
        <textarea
          className="input"
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="btn btn--danger btn--large btn--full"
        disabled={!reason || busy}
        data-testid="confirm-failure"
      >
        {t('fail.confirm')}
      </button>
    </form>
  );
}
