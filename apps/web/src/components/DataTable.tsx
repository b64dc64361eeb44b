import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from './Pager.tsx';
import { SkeletonRows } from './Skeleton.tsx';
import { EmptyState, ErrorState } from './states.tsx';

/** One column: its header and how a row fills its cell. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and money read best right-aligned. */
  align?: 'start' | 'end';
  /** The row's header cell (`<th scope="row">`), usually the name or code. */
  rowHeader?: boolean;
}

/** What a list shows before, instead of, and after its rows. */
export interface ListState {
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  errorTitle?: string;
  empty: { title: string; text?: ReactNode; action?: ReactNode };
}

/**
 * A table with the app's standard frame: skeleton rows while loading, an error with retry, an empty
 * state, horizontal scroll on narrow screens, and a pager under the rows.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  state,
  pager,
  testId,
  rowTestId,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  state: ListState;
  pager?: { page: number; total: number; perPage: number; onPage: (page: number) => void };
  testId?: string;
  rowTestId?: string;
}) {
  const { t } = useTranslation();
  if (state.loading) return <SkeletonRows />;
  if (state.error)
    return (
      <ErrorState title={state.errorTitle ?? t('ui.loadError')} error={state.error} onRetry={state.onRetry} />
    );
  if (!rows || rows.length === 0)
    return (
      <EmptyState title={state.empty.title} action={state.empty.action}>
        {state.empty.text}
      </EmptyState>
    );
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.align === 'end' ? 'table__num' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId}>
                {columns.map((column) => {
                  const className = column.align === 'end' ? 'table__num' : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pager && <Pager {...pager} />}
    </>
  );
}
