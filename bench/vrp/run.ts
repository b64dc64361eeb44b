/**
 * Route optimiser benchmark: solves every Solomon (.txt) or CVRPLIB (.vrp) instance in a folder, checks each
 * solution with two independent validators and compares with the best known solutions found in the folder
 * or its parent (BKS_distance_only.tsv / BKS.tsv).
 * Usage: npm run bench:vrp -- --data ../shared/data/solomon --budget-ms 5000 --out /tmp/solomon.json
 *        [--objective distance|vehicles] [--workers 2] [--seed 1] [--clock cpu|wall] [--only <file regex>]
 * Each instance runs single-threaded; --workers instances run side by side, each lane a child process so
 * that `--clock cpu` can budget each instance by its own CPU time on a shared machine.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { summarise, type BenchRun } from './summary.ts';
import type { InstanceRecord, Task } from './solve-instance.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'budget-ms': { type: 'string', default: '5000' },
    out: { type: 'string' },
    objective: { type: 'string', default: 'distance' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    clock: { type: 'string', default: 'wall' },
    only: { type: 'string' },
  },
});
if (!values.data || !values.out) {
  console.error(
    'usage: bench:vrp -- --data <folder> --budget-ms <ms> --out <file.json> [--objective distance|vehicles]',
  );
  process.exit(2);
}
const folder = resolve(values.data);
const objective = values.objective === 'vehicles' ? 'vehicles' : 'distance';
const budgetMs = Number(values['budget-ms']);
const clock = values.clock === 'cpu' ? 'cpu' : 'wall';
const only = new RegExp(values.only ?? '');
const files = (await readdir(folder)).filter((file) => /\.(txt|vrp)$/i.test(file) && only.test(file)).sort();
const bks = await bestKnown(folder, objective);
const load = loadavg()[0]!;
const since = Date.now();
const records = await runAll(
  files.map((file) => ({ path: join(folder, file), budgetMs, objective, seed: Number(values.seed), clock })),
  Number(values.workers),
);
const run: BenchRun = {
  data: folder,
  objective,
  budgetMs,
  clock,
  workers: Number(values.workers),
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
  loadBefore: Math.round(load * 10) / 10,
  loadAfter: Math.round(loadavg()[0]! * 10) / 10,
  wallSeconds: Math.round((Date.now() - since) / 1000),
  records: records.map((record) => ({ ...record, ...gap(record, bks.get(record.instance)) })),
};
await writeFile(values.out, JSON.stringify(run, null, 2) + '\n');
console.log(summarise(run));

async function runAll(tasks: Task[], workers: number): Promise<InstanceRecord[]> {
  const results: InstanceRecord[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    const child = fork(fileURLToPath(new URL('./solve-instance.ts', import.meta.url)), {
      execArgv: ['--conditions=sauda-source', '--import', 'tsx'],
    });
    try {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        const record = await new Promise<InstanceRecord>((done, fail) => {
          child.once('message', (message) => done(message as InstanceRecord));
          child.once('error', fail);
          child.send(task);
        });
        child.removeAllListeners('error');
        console.log(
          `${record.instance.padEnd(12)} vehicles ${record.vehicles}  distance ${record.distance}  ` +
            `${record.feasible ? 'ok' : 'INVALID ' + record.errors.join('; ')}  ${record.millis} ms (cpu ${record.cpuMillis})`,
        );
        results.push(record);
      }
    } finally {
      child.kill();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, lane));
  return results.sort((a, b) => a.instance.localeCompare(b.instance, 'en', { numeric: true }));
}

async function bestKnown(
  dir: string,
  goal: string,
): Promise<Map<string, { vehicles: number; distance: number }>> {
  const names = goal === 'vehicles' ? ['BKS.tsv'] : ['BKS_distance_only.tsv', 'BKS.tsv'];
  const path = [dir, dirname(dir)].flatMap((d) => names.map((n) => join(d, n))).find((p) => existsSync(p));
  const table = new Map<string, { vehicles: number; distance: number }>();
  if (!path) return table;
  const [head, ...rows] = (await readFile(path, 'utf8'))
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split('\t'));
  const column = (...keys: string[]): number => head!.findIndex((key) => keys.includes(key));
  const [name, vehicles, distance] = [
    column('instance'),
    column('vehicles', 'routes'),
    column('distance', 'bks_cost'),
  ];
  for (const row of rows)
    table.set(row[name]!, { vehicles: Number(row[vehicles]), distance: Number(row[distance]) });
  return table;
}

function gap(record: InstanceRecord, best: { vehicles: number; distance: number } | undefined) {
  if (!best) return {};
  return {
    bksVehicles: best.vehicles,
    bksDistance: best.distance,
    gapPercent: Math.round(((record.distance - best.distance) / best.distance) * 10000) / 100,
  };
}
