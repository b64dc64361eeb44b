import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';
import { formatCompactMoney, formatDay } from './format.ts';
import { RangePicker } from './RangePicker.tsx';
import { Sparkline } from './Sparkline.tsx';
import { TimeChart } from './TimeChart.tsx';
import type { ChartPoint, ChartSeries } from './types.ts';

const days = ['2026-11-19', '2026-11-20', '2026-11-21'];
const points: ChartPoint[] = days.map((d) => ({
  key: d,
  short: formatDay(d, 'en', 'short'),
  long: formatDay(d, 'en', 'long'),
}));
const gmv: ChartSeries = { key: 'gmv', label: 'Sales', values: [1_250_000, 0, 4_990_000], tone: 'brand' };
const orders: ChartSeries = { key: 'orders', label: 'Orders', values: [3, 0, 5], tone: 'brand' };
const cancelled: ChartSeries = { key: 'cancelled', label: 'Cancelled', values: [1, 0, 2], tone: 'danger' };
const money = (v: number) => `${v / 100} ₸`;

describe('the time chart', () => {
  const html = renderToStaticMarkup(
    createElement(TimeChart, {
      label: 'Sales per day, last 3 days',
      points,
      series: [gmv],
      formatValue: money,
      formatTick: (v) => formatCompactMoney(v, 'KZT', 'en'),
      pointHeader: 'Day',
    }),
  );

  it('is an image with a name, reachable by keyboard, that scales with its container', () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Sales per day, last 3 days"');
    expect(html).toContain('tabindex="0"');
    expect(html).toMatch(/viewBox="0 0 640 260"/);
  });

  it('draws the line and its area through every day', () => {
    expect(html.match(/class="chart__line" d="M[^"]*"/)?.[0].match(/[ML]/g)).toHaveLength(3);
    expect(html).toContain('class="chart__area"');
  });

  it('writes the data as a table for screen readers, with locale labels', () => {
    expect(html).toContain('<caption>Sales per day, last 3 days</caption>');
    expect(html).toContain('<th scope="row">Sat, November 21, 2026</th><td>49900 ₸</td>');
    expect(html).toContain('>Nov 21<');
    expect(html).toContain('₸50K');
  });

  it('draws an empty plot without points and is then not focusable', () => {
    const empty = renderToStaticMarkup(
      createElement(TimeChart, {
        label: 'Nothing',
        points: [],
        series: [],
        formatValue: money,
        pointHeader: 'Day',
      }),
    );
    expect(empty).toContain('tabindex="-1"');
    expect(empty).not.toContain('chart__line');
  });
});

describe('the bar chart', () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      label: 'Orders per day',
      points,
      series: [orders, cancelled],
      formatValue: (v) => String(v),
      pointHeader: 'Day',
    }),
  );

  it('stacks one segment per non-zero value, each in its tone', () => {
    expect(html.match(/class="chart__bar chart-tone--brand"/g)).toHaveLength(2);
    expect(html.match(/class="chart__bar chart-tone--danger"/g)).toHaveLength(2);
  });

  it('has a legend and a table with every series', () => {
    expect(html).toContain('chart__legend');
    expect(html).toContain('<th scope="col">Orders</th><th scope="col">Cancelled</th>');
    expect(html).toContain('<td>5</td><td>2</td>');
  });
});

describe('the small pieces', () => {
  it('draws a sparkline with its name', () => {
    const html = renderToStaticMarkup(
      createElement(Sparkline, { values: [1, 3, 2], label: 'Requests per second' }),
    );
    expect(html).toContain('aria-label="Requests per second"');
    expect(html).toContain('chart-spark__line');
  });

  it('offers 7, 30 and 90 days with the chosen one pressed', () => {
    const html = renderToStaticMarkup(
      createElement(RangePicker, {
        value: 30,
        onChange: () => undefined,
        label: 'Period',
        optionLabel: (d: number) => `${d} days`,
      }),
    );
    expect(html).toContain('role="group" aria-label="Period"');
    expect(html).toContain('aria-pressed="true">30 days<');
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(2);
  });

  it('writes days and amounts the Russian way', () => {
    expect(formatDay('2026-11-21', 'ru', 'short')).toMatch(/^(21 нояб\.|21\.11)$/);
    expect(formatCompactMoney(125_000_000, 'KZT', 'ru')).toMatch(/1,3\s?млн\s?₸/);
  });
});
