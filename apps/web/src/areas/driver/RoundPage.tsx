import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { RouteMap } from '../dispatch/RouteMap.tsx';
import { clockAt, windowAt } from '../dispatch/time.ts';
import {
  driverActions,
  driverQueries,
  onOutbox,
  pendingStatusOf,
  usePendingActions,
  type Round,
  type Stop,
} from './api.ts';
import { PendingBanner } from './PendingBanner.tsx';
import { usePositionPings } from './usePositionPings.ts';

const OFFSET = 300; // Kazakhstan's single time zone since 2024 (UTC+5)

/** Today's round on the driver's phone: stops in order, a small map, start, and the way to each stop. */
export function RoundPage() {
  const { t } = useTranslation('driver');
  useDocumentTitle(t('round.title'));
  const toast = useToast();
  const client = useQueryClient();
  const rounds = useQuery(driverQueries.rounds());
  const pending = usePendingActions();
  const round = rounds.data?.find((r) => r.status !== 'completed') ?? rounds.data?.[0];
  const status = round ? (pendingStatusOf(pending, round.id) ?? round.status) : undefined;
  const { allowed, last } = usePositionPings(status === 'started');
  useEffect(
    () =>
      onOutbox((event) => {
        void client.invalidateQueries({ queryKey: ['driver'] });
        if (event.kind === 'rejected') toast.error(event.error);
      }),
    [client, toast],
  );
  const start = useMutation({
    mutationFn: (id: string) => driverActions.start(id),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['driver'] });
      toast.ok(result === 'sent' ? t('round.started') : t('offline.queued'));
    },
    onError: (error) => toast.error(error),
  });

  if (rounds.isPending)
    return (
      <div className="dr-skeleton" aria-hidden="true">
        <span className="skeleton" style={{ height: 220 }} />
        <span className="skeleton" style={{ height: 80 }} />
      </div>
    );
  if (rounds.error && !rounds.data)
    return (
      <ErrorState title={t('common.loadError')} error={rounds.error} onRetry={() => void rounds.refetch()} />
    );
  if (!round)
    return (
      <>
        <PendingBanner />
        <EmptyState icon="truck" title={t('round.none')}>
          {t('round.noneText')}
        </EmptyState>
      </>
    );
  return (
    <section className="dr-round" aria-labelledby="round-title">
      <PendingBanner />
      <header className="dr-head">
        <h1 id="round-title" className="dr-title">
          {t('round.title')}
        </h1>
        <p className="dr-muted">
          {t('round.facts', {
            stops: round.stops.length,
            km: (round.distanceM / 1000).toFixed(1),
            from: clockAt(round.plannedStart, OFFSET),
          })}
        </p>
        <span className={`dr-status dr-status--${status}`} data-testid="round-status">
          {t(`roundStatus.${(status ?? round.status) as Round['status']}`)}
        </span>
      </header>
      {status === 'published' && (
        <button
          type="button"
          className="btn btn--primary btn--large btn--full"
          disabled={start.isPending}
          onClick={() => start.mutate(round.id)}
          data-testid="start-round"
        >
          {t('round.start')}
        </button>
      )}
      {status === 'started' && allowed === false && <p className="dr-note">{t('round.noLocation')}</p>}
      <RouteMap
        centre={round.centre}
        routes={[
          {
            id: round.id,
            colour: round.colour,
            stops: round.stops.map((s) => ({
              id: s.id,
              lat: s.lat,
              lng: s.lng,
              label: String(s.sequence ?? ''),
              done: ['delivered', 'failed'].includes(pendingStatusOf(pending, s.id) ?? s.status),
            })),
          },
        ]}
        drivers={last ? [{ id: 'me', name: t('round.me'), lat: last.lat, lng: last.lng }] : []}
        label={t('round.mapLabel')}
        height={300}
      />
      <ol className="dr-stops" data-testid="driver-stops">
        {round.stops.map((stop) => (
          <StopItem key={stop.id} stop={stop} status={pendingStatusOf(pending, stop.id) ?? stop.status} />
        ))}
      </ol>
    </section>
  );
}

function StopItem({ stop, status }: { stop: Round['stops'][number]; status: string }) {
  const { t } = useTranslation('driver');
  const { money } = useLocale();
  const done = status === 'delivered' || status === 'failed';
  return (
    <li className={`dr-stop ${done ? 'dr-stop--done' : ''}`} data-testid="driver-stop">
      <Link to={`/driver/stops/${stop.id}`} className="dr-stop__link">
        <span className="dr-stop__seq">{stop.sequence}</span>
        <span className="dr-stop__main">
          <strong>{stop.recipientName || stop.trackingNumber}</strong>
          <span className="dr-muted">{stop.address}</span>
          <span className="dr-muted">
            {t('stop.eta', { eta: windowAt(stop.eta, OFFSET) })}
            {stop.kind === 'pickup' && ` · ${t('stop.pickup')}`}
          </span>
        </span>
        <span className="dr-stop__side">
          <span className={`dr-status dr-status--${status}`}>
            {t(`stopStatus.${status as Stop['status']}`)}
          </span>
          {stop.cashOnDelivery && !done && <span className="dr-cash">{money(stop.cashOnDelivery)}</span>}
        </span>
      </Link>
    </li>
  );
}
