/** A dashboard card around one chart: its title and total, and the loading, error and empty states (in the app's words). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../states.tsx';
import './charts.css';

export type PanelState = 'loading' | 'error' | 'empty' | 'ready';

/** What a panel reads of the query that feeds it (a TanStack query result fits). */
export interface PanelQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** A panel's state from its query: loading, failed, ready with nothing to draw, or ready. */
export function panelState(query: { isPending: boolean; isError: boolean }, empty: boolean): PanelState {
  return query.isPending ? 'loading' : query.isError ? 'error' : empty ? 'empty' : 'ready';
}

export function ChartPanel({
  title,
  figure,
  query,
  empty,
  children,
  testId,
  wide = false,
}: {
  title: string;
  /** Spans both columns of the dashboard grid. */
  wide?: boolean;
  /** The range's total or rate, shown beside the title. */
  figure?: string | undefined;
  /** The query the chart draws: its loading and error states are the panel's, and retry refetches it. */
  query: PanelQuery;
  /** The query answered with nothing to draw. */
  empty: boolean;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const state = panelState(query, empty);
  return (
    <section
      className={`card chart-panel${wide ? ' chart-panel--wide' : ''}`}
      data-testid={testId}
      data-state={state}
      aria-busy={state === 'loading'}
    >
      <header className="chart-panel__head">
        <h2 className="chart-panel__title">{title}</h2>
        {figure && state === 'ready' && <strong className="chart-panel__figure">{figure}</strong>}
      </header>
      {state === 'loading' ? (
        <div className="chart-panel__skeleton" role="status">
          <span className="skeleton chart-panel__skeleton-plot" />
          <span className="visually-hidden">{t('dashboard.state.loading')}</span>
        </div>
      ) : state === 'error' ? (
        <ErrorState
          title={t('dashboard.state.error')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : state === 'empty' ? (
        <p className="chart-panel__empty">{t('dashboard.state.empty')}</p>
      ) : (
        children
      )}
    </section>
  );
}

/** A row of key figures above the charts. */
export function ChartFigures({
  items,
  label,
}: {
  items: ReadonlyArray<{ label: string; value: string }>;
  label: string;
}) {
  return (
    <dl className="chart-figures" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className="chart-figures__item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
