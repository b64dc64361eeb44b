import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmButton, ConfirmDialog } from './Confirm.tsx';
import { DataTable, type Column } from './DataTable.tsx';
import { FormCard } from './FormCard.tsx';
import { PageHeader } from './PageHeader.tsx';
import { Pager, pageCount } from './Pager.tsx';
import { ProgressBar, percentOf } from './ProgressBar.tsx';
import { render } from './render.testing.ts';
import { Skeleton, SkeletonRows } from './Skeleton.tsx';
import { StatusPill } from './StatusPill.tsx';
import { Tabs, tabAfterKey } from './Tabs.tsx';

interface Row {
  id: string;
  name: string;
  total: string;
}
const COLUMNS: Column<Row>[] = [
  { key: 'name', header: 'Name', cell: (row) => row.name, rowHeader: true },
  { key: 'total', header: 'Total', cell: (row) => row.total, align: 'end' },
];
const ROWS: Row[] = [
  { id: '1', name: 'Alma', total: '₸1,000' },
  { id: '2', name: 'Bota', total: '₸2,500' },
];
const table = (overrides: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  render(
    h(DataTable<Row>, {
      caption: 'Orders',
      columns: COLUMNS,
      rows: ROWS,
      rowKey: (row) => row.id,
      state: { loading: false, empty: { title: 'No orders yet' } },
      ...overrides,
    }),
  );

describe('Pager', () => {
  it.each([
    [0, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [370, 20, 19],
    [5, 0, 5],
  ])('counts %i items at %i a page as %i pages', (total, perPage, pages) => {
    expect(pageCount(total, perPage)).toBe(pages);
  });

  it('is absent when one page holds everything', () => {
    expect(render(h(Pager, { page: 1, total: 20, perPage: 20, onPage: () => undefined }))).toBe('');
  });

  it('says where the visitor is and disables the way back on the first page', () => {
    const html = render(h(Pager, { page: 1, total: 45, perPage: 20, onPage: () => undefined }));
    expect(html).toContain('aria-label="Pages"');
    expect(html).toContain('Page 1 of 3');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Previous<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Next<\/button>/);
  });
});

describe('DataTable', () => {
  it('shows announced skeleton rows while loading', () => {
    const html = table({ state: { loading: true, empty: { title: 'No orders yet' } } });
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Loading…"');
    expect(html).not.toContain('<table');
  });

  it('shows the empty state when there are no rows', () => {
    const html = table({ rows: [] });
    expect(html).toContain('No orders yet');
    expect(html).not.toContain('<table');
  });

  it('shows a failed load with a retry button only when there is a way to retry', () => {
    const failed = { loading: false, error: new Error('down'), empty: { title: 'x' } };
    expect(table({ state: failed })).toContain('role="alert"');
    expect(table({ state: failed })).not.toContain('Try again');
    expect(table({ state: { ...failed, onRetry: () => undefined } })).toContain('Try again');
  });

  it('renders rows with a captioned table, row headers, right-aligned numbers and a pager', () => {
    const html = table({
      pager: { page: 2, total: 45, perPage: 20, onPage: () => undefined },
      testId: 'orders',
      rowTestId: 'order-row',
    });
    expect(html).toContain('<caption class="visually-hidden">Orders</caption>');
    expect(html).toContain('<th scope="row">Alma</th>');
    expect(html).toContain('<td class="table__num">₸2,500</td>');
    expect(html.match(/data-testid="order-row"/g)).toHaveLength(2);
    expect(html).toContain('Page 2 of 3');
  });
});

describe('ConfirmButton and ConfirmDialog', () => {
  it('renders the trigger with its test id and a closed dialog with the named confirm button', () => {
    const html = render(
      h(ConfirmButton, {
        label: 'Delete',
        question: 'Delete this address?',
        onConfirm: () => undefined,
        testId: 'del',
      }),
    );
    expect(html).toMatch(/<button type="button" class="btn btn--ghost" data-testid="del">Delete<\/button>/);
    expect(html).toContain('<dialog class="dialog" aria-label="Delete">');
    expect(html).not.toContain(' open=""');
    expect(html).toContain('data-testid="del-confirm"');
    expect(html).toContain('>Cancel<');
  });

  it('uses the label as the accessible name when the trigger shows an icon', () => {
    const html = render(
      h(ConfirmButton, { label: 'Remove card', question: '?', onConfirm: () => undefined }, h('svg')),
    );
    expect(html).toContain('aria-label="Remove card"');
  });

  it('keeps an extra class for areas that address their dialog, and labels itself by the question', () => {
    const html = render(
      h(ConfirmDialog, { question: 'Refund?', onAnswer: () => undefined, className: 'cm-dialog' }),
    );
    expect(html).toMatch(/<dialog class="dialog cm-dialog" aria-labelledby="([^"]+)"><p id="\1"/);
    expect(html).toContain('>Confirm</button>');
  });
});

describe('Tabs', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['Enter', 1, null],
  ])('moves %s from tab %i to %s of three', (key, from, to) => {
    expect(tabAfterKey(key, from, 3)).toBe(to);
  });

  it('marks the chosen tab selected and the only tab stop', () => {
    const html = render(
      h(Tabs<'a' | 'b'>, {
        tabs: [
          { value: 'a', label: 'Payments' },
          { value: 'b', label: 'Refunds' },
        ],
        value: 'b',
        onChange: () => undefined,
        label: 'Money',
      }),
    );
    expect(html).toContain('role="tablist" aria-label="Money"');
    expect(html).toContain('aria-selected="false" tabindex="-1">Payments');
    expect(html).toContain('aria-selected="true" tabindex="0">Refunds');
  });
});

describe('ProgressBar', () => {
  it.each([
    [0, 100, 0],
    [50, 200, 25],
    [250, 200, 100],
    [-5, 100, 0],
    [3, 0, 100],
  ])('takes %i of %i as %i %%', (value, max, percent) => {
    const got = percentOf(value, max);
    expect(got).toBe(percent);
    expect(got >= 0 && got <= 100).toBe(true);
  });

  it('reports its value to assistive technology', () => {
    const html = render(h(ProgressBar, { label: 'Import', value: 30, max: 60, caption: '30 of 60 rows' }));
    expect(html).toContain(
      'role="progressbar" aria-label="Import" aria-valuemin="0" aria-valuemax="100" aria-valuenow="50"',
    );
    expect(html).toContain('style="width:50%"');
    expect(html).toContain('30 of 60 rows');
  });

  it('is indeterminate without a value', () => {
    const html = render(h(ProgressBar, { label: 'Planning' }));
    expect(html).toContain('progress__track--indeterminate');
    expect(html).not.toContain('aria-valuenow');
  });
});

describe('small pieces', () => {
  it('StatusPill carries its tone and raw status', () => {
    expect(render(h(StatusPill, { tone: 'success', status: 'delivered', children: 'Delivered' }))).toBe(
      '<span class="pill pill--success" data-status="delivered">Delivered</span>',
    );
  });

  it('PageHeader has one h1, a back link and actions', () => {
    const html = render(
      h(PageHeader, {
        title: 'Orders',
        subtitle: 'All of them',
        back: { to: '/admin', label: 'Admin' },
        actions: h('button', null, 'Export'),
      }),
    );
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('href="/admin"');
    expect(html).toContain('<div class="page-header__actions"><button>Export</button></div>');
  });

  it('FormCard frames a form with the title and footer', () => {
    const html = render(
      h(FormCard, { title: 'Sign in', subtitle: 'Welcome', footer: 'New here?', children: h('form') }),
    );
    expect(html).toContain('<h1 class="form-card__title">Sign in</h1>');
    expect(html).toContain('<p class="form-card__footer">New here?</p>');
  });

  it('Skeletons are hidden from assistive technology; the row group announces loading once', () => {
    expect(render(h(Skeleton, { width: 120 }))).toBe(
      '<span class="skeleton skeleton--text" style="width:120px" aria-hidden="true"></span>',
    );
    const rows = render(h(SkeletonRows, { rows: 3 }));
    expect(rows.match(/role="status"/g)).toHaveLength(1);
    expect(rows.match(/skeleton-rows__row/g)).toHaveLength(3);
  });
});
