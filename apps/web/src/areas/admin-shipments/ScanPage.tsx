import type { ScanRequest } from '@sauda/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { StatusBadge } from '../tracking/parts.tsx';
import { shipmentCommands, shipmentQueries, type ScanResult } from './api.ts';

const ACTIONS = ['accepted', 'arrived', 'departed'] as const;
const SITE_KEY = 'sauda.scanSite';

/**
 * `/staff/scans`: a sorting centre's or depot's scan desk. A barcode scanner types the number and presses
 * Enter, so the field keeps focus after every scan; each scan carries its own id, so a retry logs it once.
 */
export function ScanPage() {
  const { t } = useTranslation('admin-shipments');
  useDocumentTitle(t('scan.title'));
  const toast = useToast();
  const sites = useQuery(shipmentQueries.sites());
  const [siteId, setSiteId] = useState(() => localStorage.getItem(SITE_KEY) ?? '');
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('arrived');
  const [number, setNumber] = useState('');
  const [recent, setRecent] = useState<ScanResult[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const site = siteId || sites.data?.[0]?.id || '';
  const scan = useMutation({
    mutationFn: (request: ScanRequest) => shipmentCommands.scan(request),
    onSuccess: (result) => {
      setRecent((list) => [result, ...list].slice(0, 20));
      setNumber('');
    },
    onError: (error) => toast.error(error),
    onSettled: () => input.current?.focus(),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trackingNumber = number.replace(/[\s-]/g, '').toUpperCase();
    if (!trackingNumber || !site) return;
    scan.mutate({ trackingNumber, action, siteId: site, scanId: crypto.randomUUID() });
  };
  const chooseSite = (id: string) => {
    setSiteId(id);
    localStorage.setItem(SITE_KEY, id);
  };
  if (sites.error)
    return (
      <ErrorState title={t('common.loadError')} error={sites.error} onRetry={() => void sites.refetch()} />
    );
  return (
    <section className="shp-page shp-scan" aria-labelledby="scan-title">
      <h1 id="scan-title" className="trk-title">
        {t('scan.title')}
      </h1>
      <p className="trk-muted">{t('scan.lead')}</p>
      <form className="trk-card shp-form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor="scan-site">
            {t('scan.site')}
          </label>
          <div className="select-wrap">
            <select
              id="scan-site"
              className="select"
              value={site}
              onChange={(e) => chooseSite(e.target.value)}
            >
              {(sites.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="shp-actions">
          <legend className="field__label">{t('scan.action')}</legend>
          {ACTIONS.map((a) => (
            <label key={a} className={`shp-toggle ${action === a ? 'shp-toggle--on' : ''}`}>
              <input
                type="radio"
                name="scan-action"
                value={a}
                checked={action === a}
                onChange={() => setAction(a)}
                className="visually-hidden"
              />
              {t(`scan.${a}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="scan-number">
            {t('scan.number')}
          </label>
          <div className="trk-search__row">
            <input
              id="scan-number"
              ref={input}
              className="input trk-search__input"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              placeholder="SD123456785KZ"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              autoFocus
            />
            <button type="submit" className="btn btn--primary" disabled={scan.isPending || !site}>
              {t('scan.submit')}
            </button>
          </div>
        </div>
      </form>
      <h2 className="trk-subtitle">{t('scan.recent')}</h2>
      {recent.length === 0 ? (
        <p className="trk-muted">{t('scan.none')}</p>
      ) : (
        <ul className="shp-list" aria-live="polite">
          {recent.map((result, i) => (
            <li key={`${result.trackingNumber}-${i}`} className="trk-card shp-scan__row">
              <Link to={`/track/${result.trackingNumber}`} className="trk-mono">
                {result.trackingNumber}
              </Link>
              <span className="trk-muted">
                {result.site.name} · {t('scan.to', { city: result.to.city })}
              </span>
              <span className="shp-scan__status">
                <StatusBadge status={result.status} />
                {result.duplicate && <span className="trk-chip trk-chip--late">{t('scan.duplicate')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
