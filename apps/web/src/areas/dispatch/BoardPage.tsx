import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { dispatchCommands, dispatchQueries, followLive, type DispatchBoard, type LiveFrame } from './api.ts';
import { PlanProgress } from './PlanProgress.tsx';
import { RoundCard, WaitingList } from './RoundCard.tsx';
import { RouteMap } from './RouteMap.tsx';
import { todayAt } from './time.ts';

const PLAN_BUDGET_MS = 3000;

/** The dispatcher's day at a centre: plan, review on the map, move and lock stops, publish, follow live. */
export function BoardPage() {
  const { t } = useTranslation('dispatch');
  useDocumentTitle(t('board.title'));
  const toast = useToast();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const centres = useQuery(dispatchQueries.centres());
  const centreId = params.get('centre') ?? centres.data?.[0]?.id ?? '';
  const centre = centres.data?.find((c) => c.id === centreId);
  const date = params.get('date') ?? todayAt(centre?.utcOffsetMinutes ?? 300);
  const board = useQuery(dispatchQueries.board(centreId, date));
  const [focus, setFocus] = useState<string>();
  const [live, setLive] = useState<LiveFrame>();
  const setBoard = (next: DispatchBoard) =>
    client.setQueryData(dispatchQueries.board(centreId, date).queryKey, next);
  const run = useMutation({
    mutationFn: (command: () => Promise<DispatchBoard>) => command(),
    onSuccess: setBoard,
    onError: (error) => toast.error(error),
  });
  const plan = useMutation({
    mutationFn: () => dispatchCommands.plan(centreId, date, PLAN_BUDGET_MS),
    onSuccess: (next) => {
      setBoard(next);
      toast.ok(t('board.planned', { rounds: next.rounds.length, waiting: next.waiting.length }));
    },
    onError: (error) => toast.error(error),
  });
  const lock = useMutation({
    mutationFn: ({ stopId, locked }: { stopId: string; locked: boolean }) =>
      dispatchCommands.lock(stopId, locked),
    onSuccess: () => void board.refetch(),
    onError: (error) => toast.error(error),
  });

  useEffect(() => {
    if (!centreId) return;
    const controller = new AbortController();
    void followLive(centreId, date, setLive, controller.signal);
    return () => controller.abort();
  }, [centreId, date]);

  const routes = useMemo(
    () =>
      (board.data?.rounds ?? []).map((round) => ({
        id: round.id,
        colour: round.colour,
        stops: round.stops.map((s) => ({
          id: s.id,
          lat: s.lat,
          lng: s.lng,
          label: String(s.sequence ?? ''),
          done: s.status === 'delivered' || s.status === 'failed',
        })),
      })),
    [board.data],
  );
  const choose = (key: 'centre' | 'date', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const data = board.data;
  const planned = data?.rounds.filter((r) => r.status === 'planned') ?? [];
  const busy = run.isPending || plan.isPending;

  return (
    <section className="dm-board" aria-labelledby="board-title">
      <header className="dm-head">
        <h1 id="board-title" className="dm-title">
          {t('board.title')}
        </h1>
        <div className="dm-controls">
          <label className="dm-control">
            <span>{t('board.centre')}</span>
            <select
              className="input"
              value={centreId}
              onChange={(e) => choose('centre', e.target.value)}
              data-testid="centre-picker"
            >
              {centres.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="dm-control">
            <span>{t('board.date')}</span>
            <input
              className="input"
              type="date"
              value={date}
              onChange={(e) => choose('date', e.target.value)}
            />
          </label>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy || !data}
            onClick={() => plan.mutate()}
            data-testid="plan-rounds"
          >
            {data?.rounds.length ? t('board.reoptimise') : t('board.plan')}
          </button>
          <button
            type="button"
            className="btn btn--secondary"
            disabled={busy || planned.length === 0}
            onClick={() => run.mutate(() => dispatchCommands.publish(centreId, date))}
            data-testid="publish-rounds"
          >
            {t('board.publish', { count: planned.length })}
          </button>
        </div>
        {plan.isPending && <PlanProgress budgetMs={PLAN_BUDGET_MS} label={t('board.planning')} />}
      </header>
      {board.isPending ? (
        <div className="dm-skeleton" aria-hidden="true">
          <span className="skeleton" style={{ height: 320 }} />
        </div>
      ) : board.error || !data ? (
        <ErrorState title={t('common.loadError')} error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <div className="dm-layout">
          <div className="dm-map-wrap">
            <RouteMap
              centre={data.centre}
              routes={routes}
              loose={data.waiting}
              drivers={(live?.drivers ?? []).map((d) => ({
                id: d.driverId,
                name: d.name,
                lat: d.lat,
                lng: d.lng,
              }))}
              focus={focus}
              onStopClick={setFocus}
              label={t('board.mapLabel', { centre: data.centre.name })}
            />
            <p className="dm-muted">{t('board.summary', summaryOf(data))}</p>
          </div>
          <div className="dm-rounds" data-testid="rounds">
            {data.rounds.length === 0 && data.waiting.length === 0 && (
              <EmptyState icon="truck" title={t('board.empty')}>
                {t('board.emptyText')}
              </EmptyState>
            )}
            {data.rounds.map((round) => (
              <RoundCard
                key={round.id}
                round={round}
                rounds={data.rounds}
                offset={data.centre.utcOffsetMinutes}
                progress={live?.rounds.find((r) => r.roundId === round.id)}
                focus={focus}
                busy={busy}
                onFocus={setFocus}
                onMove={(stopId, roundId, position) =>
                  run.mutate(() => dispatchCommands.move(stopId, roundId, position))
                }
                onLock={(stopId, locked) => lock.mutate({ stopId, locked })}
                onCancel={() => run.mutate(() => dispatchCommands.cancel(round.id))}
              />
            ))}
            <WaitingList
              stops={data.waiting}
              rounds={data.rounds}
              offset={data.centre.utcOffsetMinutes}
              focus={focus}
              busy={busy}
              onFocus={setFocus}
              onMove={(stopId, roundId) => run.mutate(() => dispatchCommands.move(stopId, roundId))}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function summaryOf(board: DispatchBoard) {
  const stops = board.rounds.reduce((n, r) => n + r.stops.length, 0);
  const km = board.rounds.reduce((n, r) => n + r.distanceM, 0) / 1000;
  return { rounds: board.rounds.length, stops, waiting: board.waiting.length, km: km.toFixed(1) };
}
