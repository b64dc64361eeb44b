/** Per-class figures of one bench run, as a Markdown table. */
import type { InstanceRecord } from './solve-instance.ts';

export interface BenchRecord extends InstanceRecord {
  bksVehicles?: number;
  bksDistance?: number;
  gapPercent?: number;
}

export interface BenchRun {
  data: string;
  objective: 'distance' | 'vehicles';
  budgetMs: number;
  clock: 'cpu' | 'wall';
  workers: number;
  date: string;
  machine: string;
  loadBefore: number;
  loadAfter: number;
  wallSeconds: number;
  records: BenchRecord[];
}

/** C1, C2, R1, R2, RC1, RC2 for Solomon names; A, B, P for CVRPLIB names. */
export function instanceClass(name: string): string {
  const solomon = /^(RC|R|C)(\d)/i.exec(name);
  if (solomon) return `${solomon[1]!.toUpperCase()}${solomon[2]}`;
  return name.split('-')[0]!.toUpperCase();
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const fixed = (value: number): string => value.toFixed(2);

/** Rows per class plus a total row. */
export function summarise(run: BenchRun): string {
  const classes = [...new Set(run.records.map((r) => instanceClass(r.instance)))];
  const groups = [
    ...classes.map((c) => [c, run.records.filter((r) => instanceClass(r.instance) === c)] as const),
  ];
  groups.push(['all', run.records]);
  const lines = [
    '| class | instances | valid | vehicles (BKS) | distance (BKS) | mean gap % | worst gap % | mean CPU ms (wall ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, records] of groups) {
    const gaps = records.flatMap((r) => (r.gapPercent === undefined ? [] : [r.gapPercent]));
    const sum = (pick: (r: BenchRecord) => number): number => records.reduce((s, r) => s + pick(r), 0);
    lines.push(
      `| ${name === 'all' ? '**all**' : name} | ${records.length} | ${records.filter((r) => r.feasible).length} | ` +
        `${sum((r) => r.vehicles)} (${sum((r) => r.bksVehicles ?? 0)}) | ${fixed(sum((r) => r.distance))} ` +
        `(${fixed(sum((r) => r.bksDistance ?? 0))}) | ${gaps.length ? fixed(mean(gaps)) : '–'} | ` +
        `${gaps.length ? fixed(Math.max(...gaps)) : '–'} | ${Math.round(mean(records.map((r) => r.cpuMillis ?? 0)))} ` +
        `(${Math.round(mean(records.map((r) => r.millis)))}) |`,
    );
  }
  return lines.join('\n');
}
