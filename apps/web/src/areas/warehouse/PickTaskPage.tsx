import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type PickLine, type PickTask } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** Picking one order: scan (or type) a SKU to pick a unit, confirm by hand, or report a shortage. */
export function PickTaskPage() {
  const { t } = useTranslation('warehouse');
  const { id = '' } = useParams();
  const task = useQuery(stockQueries.task(id));
  useDocumentTitle(t('pick.title', { number: task.data?.orderNumber ?? '' }));
  if (task.isPending) return <ListSkeleton rows={3} />;
  if (task.error)
    return (
      <ErrorState title={t('common.loadError')} error={task.error} onRetry={() => void task.refetch()} />
    );
  return <Picking task={task.data} />;
}

function usePick(taskId: string) {
  const client = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation('warehouse');
  return useMutation({
    mutationFn: (input: { line: PickLine; quantity: number; scanned?: string }) =>
      stockCommands.pick(taskId, input.line.lineId, input.quantity, input.scanned),
    onSuccess: (task, input) => {
      client.setQueryData(stockQueries.task(taskId).queryKey, task);
      void client.invalidateQueries({ queryKey: ['stock', 'tasks'] });
      toast.ok(t('pick.picked', { sku: input.line.sku }));
    },
    onError: (error) => toast.error(error),
  });
}

function Picking({ task }: { task: PickTask }) {
  const { t } = useTranslation('warehouse');
  const toast = useToast();
  const scanId = useId();
  const scanRef = useRef<HTMLInputElement>(null);
  const [scan, setScan] = useState('');
  const pick = usePick(task.id);
  const closed = task.status === 'packed' || task.status === 'cancelled';

  function onScan(event: FormEvent) {
    event.preventDefault();
    const code = scan.trim();
    if (!code) return;
    const line = task.lines.find((l) => l.sku.toUpperCase() === code.toUpperCase() && l.picked < l.quantity);
    setScan('');
    scanRef.current?.focus();
    if (!line) {
      toast.error(t('pick.unknownSku', { sku: code }));
      return;
    }
    pick.mutate({ line, quantity: 1, scanned: code });
  }

  return (
    <section aria-labelledby="pick-title" data-testid="pick-task-page">
      <header className="wh-head">
        <Link to="/warehouse" className="wh-link">
          ← {t('common.back')}
        </Link>
        <h1 id="pick-title" className="wh-title">
          {t('pick.title', { number: task.orderNumber || task.orderId.slice(-8) })}
        </h1>
        <span className={`wh-badge wh-badge--${task.status}`}>{t(`status.${task.status}`)}</span>
      </header>
      {closed ? (
        <p className="wh-muted">{t('pick.closed')}</p>
      ) : (
        <form className="wh-scan" onSubmit={onScan}>
          <label htmlFor={scanId} className="field__label">
            {t('pick.scanLabel')}
          </label>
          <div className="wh-scan__row">
            <input
              id={scanId}
              ref={scanRef}
              className="input"
              value={scan}
              onChange={(event) => setScan(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              enterKeyHint="go"
              aria-describedby={`${scanId}-hint`}
              data-testid="scan-input"
              autoFocus
            />
            <button type="submit" className="btn btn--primary" disabled={pick.isPending}>
              {t('pick.scanSubmit')}
            </button>
          </div>
          <p id={`${scanId}-hint`} className="field__hint">
            {t('pick.scanHint')}
          </p>
        </form>
      )}
      <ul className="wh-list">
        {task.lines.map((line) => (
          <LineCard key={line.lineId} task={task} line={line} closed={closed} />
        ))}
      </ul>
      {task.status === 'picked' && (
        <Link
          to={`/warehouse/tasks/${task.id}/pack`}
          className="btn btn--primary btn--large btn--full"
          data-testid="to-pack"
        >
          {t('pick.toPack')}
        </Link>
      )}
    </section>
  );
}

function LineCard({ task, line, closed }: { task: PickTask; line: PickLine; closed: boolean }) {
  const { t } = useTranslation('warehouse');
  const pick = usePick(task.id);
  const [reporting, setReporting] = useState(false);
  const left = line.quantity - line.picked;
  return (
    <li className={`card wh-card ${left === 0 ? 'wh-card--done' : ''}`} data-testid="pick-line">
      <div className="wh-card__row">
        <strong className="wh-sku">{line.sku}</strong>
        <span className="wh-qty" aria-label={t('common.units', { count: line.quantity })}>
          {line.picked}/{line.quantity}
        </span>
      </div>
      <p>{line.title}</p>
      <p className="wh-muted">
        {left === 0 ? t('pick.lineDone', { count: line.quantity }) : t('pick.remaining', { count: left })}
        {line.short > 0 && ` · ${t('pick.shortCount', { count: line.short })}`}
      </p>
      {!closed && left > 0 && (
        <div className="wh-actions">
          <button
            type="button"
            className="btn btn--secondary btn--large"
            onClick={() => pick.mutate({ line, quantity: 1 })}
            disabled={pick.isPending}
            data-testid="confirm-one"
          >
            {t('pick.confirm')}
          </button>
          {left > 1 && (
            <button
              type="button"
              className="btn btn--secondary btn--large"
              onClick={() => pick.mutate({ line, quantity: left })}
              disabled={pick.isPending}
            >
              {t('pick.confirmAll', { count: left })}
            </button>
          )}
          <button type="button" className="btn btn--danger btn--large" onClick={() => setReporting(true)}>
            {t('pick.shortage')}
          </button>
        </div>
      )}
      {reporting && <ShortageForm task={task} line={line} onDone={() => setReporting(false)} />}
    </li>
  );
}

function ShortageForm({ task, line, onDone }: { task: PickTask; line: PickLine; onDone: () => void }) {
  const { t } = useTranslation('warehouse');
  const client = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [found, setFound] = useState(String(line.picked));
  const report = useMutation({
    mutationFn: () => stockCommands.shortage(task.id, line.lineId, Number(found)),
    onSuccess: (answer) => {
      client.setQueryData(stockQueries.task(task.id).queryKey, answer.task);
      void client.invalidateQueries({ queryKey: ['stock', 'tasks'] });
      toast.ok(
        answer.reallocatedTo
          ? t('pick.reallocated', { count: answer.missing })
          : t('pick.reportedShort', { count: answer.missing }),
      );
      onDone();
    },
    onError: (error) => toast.error(error),
  });
  return (
    <form
      className="wh-inline-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        report.mutate();
      }}
    >
      <h2 id={`${id}-title`} className="wh-subtitle">
        {t('pick.shortageTitle', { sku: line.sku })}
      </h2>
      <p className="wh-muted">{t('pick.shortageText')}</p>
      <label htmlFor={id} className="field__label">
        {t('pick.found')}
      </label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="numeric"
        min={line.picked}
        max={line.quantity - 1}
        required
        value={found}
        onChange={(event) => setFound(event.target.value)}
        autoFocus
      />
      <div className="wh-actions">
        <button type="submit" className="btn btn--primary" disabled={report.isPending}>
          {t('pick.shortageSubmit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
