import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockQueries, type PickTask } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** The depot's pick queue on a handheld: oldest order first, one tap to pick or pack. */
export function PickQueuePage() {
  const { t } = useTranslation('warehouse');
  useDocumentTitle(t('queue.title'));
  const [scope, setScope] = useState<'open' | 'done'>('open');
  const depot = useQuery(stockQueries.depot());
  const tasks = useQuery(stockQueries.tasks(scope));

  if (depot.error instanceof ApiError && depot.error.code === 'NOT_DEPOT_STAFF')
    return (
      <EmptyState icon="store" title={t('queue.notStaff')}>
        {t('queue.notStaffText')}
      </EmptyState>
    );
  return (
    <section aria-labelledby="queue-title">
      <header className="wh-head">
        <h1 id="queue-title" className="wh-title">
          {t('queue.title')}
        </h1>
        <p className="wh-muted">{depot.data ? t('queue.depot', { depot: depot.data.name }) : '\u00a0'}</p>
      </header>
      <div className="wh-segment" role="group">
        {(['open', 'done'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="wh-segment__button"
            aria-pressed={scope === value}
            onClick={() => setScope(value)}
          >
            {t(`queue.${value}`)}
          </button>
        ))}
      </div>
      {tasks.isPending ? (
        <ListSkeleton />
      ) : tasks.error ? (
        <ErrorState title={t('common.loadError')} error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <EmptyState icon="box" title={t('queue.empty')}>
          {scope === 'open' ? t('queue.emptyText') : t('queue.emptyDone')}
        </EmptyState>
      ) : (
        <ul className="wh-list" data-testid="pick-queue">
          {tasks.data.map((task) => (
            <TaskCard key={task.id} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskCard({ task }: { task: PickTask }) {
  const { t, i18n } = useTranslation('warehouse');
  const total = task.lines.reduce((sum, line) => sum + line.quantity, 0);
  const picked = task.lines.reduce((sum, line) => sum + line.picked, 0);
  const time = new Date(task.createdAt).toLocaleString(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const action = task.status === 'picked' ? 'pack' : task.status === 'picking' ? 'continue' : 'start';
  const href = task.status === 'picked' ? `/warehouse/tasks/${task.id}/pack` : `/warehouse/tasks/${task.id}`;
  return (
    <li className="card wh-card" data-testid="pick-task">
      <div className="wh-card__row">
        <strong>{t('queue.order', { number: task.orderNumber || task.orderId.slice(-8) })}</strong>
        <span className={`wh-badge wh-badge--${task.status}`}>{t(`status.${task.status}`)}</span>
      </div>
      <p className="wh-muted">
        {t('queue.lines', { count: task.lines.length })} · {t('queue.progress', { picked, total })} ·{' '}
        {t('queue.placed', { time })}
      </p>
      {(task.status === 'open' || task.status === 'picking' || task.status === 'picked') && (
        <Link to={href} className="btn btn--primary btn--large btn--full">
          {t(`queue.${action}`)}
        </Link>
      )}
      {task.parcels.map((parcel) => (
        <Link key={parcel.id} to={`/warehouse/parcels/${parcel.code}`} className="wh-link">
          {parcel.code}
        </Link>
      ))}
    </li>
  );
}
