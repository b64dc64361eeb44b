import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import type { LiveFrame, Round, Stop } from './api.ts';
import { clockAt, windowAt } from './time.ts';

const DRAG_TYPE = 'application/x-sauda-stop';

interface CardProps {
  round: Round;
  rounds: Round[];
  offset: number;
  progress: LiveFrame['rounds'][number] | undefined;
  focus: string | undefined;
  busy: boolean;
  onFocus: (stopId: string) => void;
  onMove: (stopId: string, roundId: string | null, position?: number) => void;
  onLock: (stopId: string, locked: boolean) => void;
  onCancel: () => void;
}

/** One round: its driver, totals and stops in order; stops of a planned round can be dragged or moved. */
export function RoundCard({
  round,
  rounds,
  offset,
  progress,
  focus,
  busy,
  onFocus,
  onMove,
  onLock,
  onCancel,
}: CardProps) {
  const { t } = useTranslation('dispatch');
  const editable = round.status === 'planned';
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent, position?: number) => {
    const stopId = event.dataTransfer.getData(DRAG_TYPE);
    setOver(false);
    if (!stopId || !editable) return;
    event.preventDefault();
    event.stopPropagation();
    onMove(stopId, round.id, position);
  };
  const done =
    progress?.done ?? round.stops.filter((s) => s.status === 'delivered' || s.status === 'failed').length;
  return (
    <article
      className={`dm-round ${over ? 'dm-round--over' : ''}`}
      style={{ borderInlineStartColor: round.colour }}
      data-testid="round"
      onDragOver={(e) => {
        if (!editable) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => drop(e)}
    >
      <header className="dm-round__head">
        <span className="dm-swatch" style={{ background: round.colour }} aria-hidden="true" />
        <div className="dm-round__who">
          <strong>{round.driverName || t('board.driver')}</strong>
          <span className="dm-muted">
            {t('board.roundFacts', {
              stops: round.stops.length,
              km: (round.distanceM / 1000).toFixed(1),
              from: clockAt(round.plannedStart, offset),
              to: clockAt(round.plannedEnd, offset),
            })}
          </span>
        </div>
        <span className={`dm-badge dm-badge--${round.status}`} data-testid="round-status">
          {t(`roundStatus.${round.status}`)}
        </span>
      </header>
      {round.status === 'started' && (
        <div
          className="dm-meter"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={round.stops.length}
          aria-valuenow={done}
          aria-label={t('board.progress', { done, total: round.stops.length })}
        >
          <span
            style={{ width: `${(done / Math.max(1, round.stops.length)) * 100}%`, background: round.colour }}
          />
        </div>
      )}
      <ol className="dm-stops">
        {round.stops.map((stop, index) => (
          <StopRow
            key={stop.id}
            stop={stop}
            offset={offset}
            focused={focus === stop.id}
            editable={editable && stop.status === 'waiting'}
            lockable={round.status === 'planned' || round.status === 'published'}
            targets={rounds.filter((r) => r.status === 'planned' && r.id !== round.id)}
            busy={busy}
            onFocus={onFocus}
            onMove={onMove}
            onLock={onLock}
            onDrop={(e) => drop(e, index)}
          />
        ))}
      </ol>
      {(round.status === 'planned' || round.status === 'published') && (
        <button type="button" className="btn btn--ghost dm-round__cancel" disabled={busy} onClick={onCancel}>
          {t('board.cancelRound')}
        </button>
      )}
    </article>
  );
}

interface RowProps {
  stop: Stop;
  offset: number;
  focused: boolean;
  editable: boolean;
  lockable: boolean;
  targets: Round[];
  busy: boolean;
  onFocus: (stopId: string) => void;
  onMove: (stopId: string, roundId: string | null, position?: number) => void;
  onLock?: (stopId: string, locked: boolean) => void;
  onDrop?: (event: DragEvent) => void;
}

/** A stop: sequence, recipient and address, ETA and window, weight, COD; drag handle, lock and move. */
export function StopRow({
  stop,
  offset,
  focused,
  editable,
  lockable,
  targets,
  busy,
  onFocus,
  onMove,
  onLock,
  onDrop,
}: RowProps) {
  const { t } = useTranslation('dispatch');
  const { money } = useLocale();
  return (
    <li
      className={`dm-stop ${focused ? 'dm-stop--focus' : ''} dm-stop--${stop.status}`}
      draggable={editable && !busy}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, stop.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => editable && e.preventDefault()}
      onDrop={onDrop}
      onClick={() => onFocus(stop.id)}
      data-testid="stop"
      data-stop-id={stop.id}
    >
      <span className="dm-stop__seq" aria-hidden="true">
        {stop.sequence ?? '•'}
      </span>
      <div className="dm-stop__main">
        <div className="dm-stop__line">
          <strong>{stop.recipientName || stop.trackingNumber}</strong>
          {stop.kind === 'pickup' && <span className="dm-chip">{t('stop.pickup')}</span>}
          {stop.cashOnDelivery && <span className="dm-chip dm-chip--cash">{money(stop.cashOnDelivery)}</span>}
          {stop.urgent && <span className="dm-chip dm-chip--urgent">{t('stop.urgent')}</span>}
        </div>
        <span className="dm-muted">{stop.address}</span>
        <span className="dm-muted">
          {t('stop.facts', { eta: windowAt(stop.eta, offset), kg: (stop.weightGrams / 1000).toFixed(1) })}
          {stop.window && ` · ${t('stop.window', { window: windowAt(stop.window, offset) })}`}
          {stop.status !== 'waiting' && ` · ${t(`stopStatus.${stop.status}`)}`}
        </span>
        {stop.unassignedReason && <span className="dm-reason">{t(`reason.${stop.unassignedReason}`)}</span>}
      </div>
      <div className="dm-stop__actions">
        {lockable && onLock && stop.roundId && (
          <button
            type="button"
            className="dm-icon-button"
            aria-pressed={stop.locked}
            aria-label={stop.locked ? t('stop.unlock') : t('stop.lock')}
            title={stop.locked ? t('stop.unlock') : t('stop.lock')}
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              onLock(stop.id, !stop.locked);
            }}
          >
            <LockIcon locked={stop.locked} />
          </button>
        )}
        {editable && (targets.length > 0 || stop.roundId) && (
          <select
            className="dm-move"
            aria-label={t('stop.moveTo')}
            value=""
            disabled={busy}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => onMove(stop.id, e.target.value === 'none' ? null : e.target.value)}
          >
            <option value="">{t('stop.moveTo')}</option>
            {targets.map((r) => (
              <option key={r.id} value={r.id}>
                {r.driverName}
              </option>
            ))}
            {stop.roundId && <option value="none">{t('stop.unassign')}</option>}
          </select>
        )}
      </div>
    </li>
  );
}

/** Waiting stops on no round, with the optimiser's reason when it could not place them. */
export function WaitingList({
  stops,
  rounds,
  offset,
  focus,
  busy,
  onFocus,
  onMove,
}: {
  stops: Stop[];
  rounds: Round[];
  offset: number;
  focus: string | undefined;
  busy: boolean;
  onFocus: (stopId: string) => void;
  onMove: (stopId: string, roundId: string | null) => void;
}) {
  const { t } = useTranslation('dispatch');
  if (stops.length === 0) return null;
  return (
    <article
      className="dm-round dm-round--waiting"
      data-testid="waiting"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const stopId = e.dataTransfer.getData(DRAG_TYPE);
        if (stopId && !stops.some((s) => s.id === stopId)) onMove(stopId, null);
      }}
    >
      <header className="dm-round__head">
        <div className="dm-round__who">
          <strong>{t('board.waiting', { count: stops.length })}</strong>
          <span className="dm-muted">{t('board.waitingText')}</span>
        </div>
      </header>
      <ol className="dm-stops">
        {stops.map((stop) => (
          <StopRow
            key={stop.id}
            stop={stop}
            offset={offset}
            focused={focus === stop.id}
            editable
            lockable={false}
            targets={rounds.filter((r) => r.status === 'planned')}
            busy={busy}
            onFocus={onFocus}
            onMove={onMove}
          />
        ))}
      </ol>
    </article>
  );
}

/** A padlock, closed or open. */
function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d={locked ? 'M8 11V7a4 4 0 0 1 8 0v4' : 'M8 11V7a4 4 0 0 1 7.5-2'} />
    </svg>
  );
}
