/**
 * Writes bench/results/vrp.{md,json} from several `bench:vrp` outputs (one per data set, objective and budget).
 * Usage: node --conditions=sauda-source --import tsx bench/vrp/report.ts <run.json>...
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { summarise, type BenchRun } from './summary.ts';

const TARGETS: Record<string, string> = {
  'solomon distance': 'target at 5 s: mean gap ≤ 1.5 %, worst ≤ 5 % (BKS_distance_only.tsv)',
  'solomon vehicles': 'target at 5 s: total vehicles ≤ 415 (best known 405; BKS.tsv)',
  'A distance': 'target: mean gap ≤ 0.5 % over A, B and P',
  'B distance': 'target: mean gap ≤ 0.5 % over A, B and P',
  'P distance': 'target: mean gap ≤ 0.5 % over A, B and P',
};

const parts: BenchRun[] = await Promise.all(
  process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, 'utf8')) as BenchRun),
);
// Parts of one measurement (same data, objective and budget, run in several sittings) become one run.
const runs: BenchRun[] = [];
for (const part of parts) {
  const same = runs.find(
    (run) => run.data === part.data && run.objective === part.objective && run.budgetMs === part.budgetMs,
  );
  if (!same) {
    runs.push({ ...part, records: [...part.records] });
    continue;
  }
  const known = new Set(same.records.map((r) => r.instance));
  same.records.push(...part.records.filter((r) => !known.has(r.instance)));
  same.records.sort((a, b) => a.instance.localeCompare(b.instance, 'en', { numeric: true }));
  same.workers += part.workers;
  same.loadBefore = Math.max(same.loadBefore, part.loadBefore);
  same.loadAfter = Math.max(same.loadAfter, part.loadAfter);
  same.wallSeconds = Math.max(same.wallSeconds, part.wallSeconds);
}
const sections = runs.map((run) => {
  const key = `${basename(run.data)} ${run.objective}`;
  const invalid = run.records.filter((r) => !r.feasible).map((r) => `${r.instance}: ${r.errors.join('; ')}`);
  const perInstance = run.records
    .map(
      (r) => `${r.instance} ${r.vehicles}/${r.bksVehicles ?? '?'} ${r.distance} (${r.gapPercent ?? '?'} %)`,
    )
    .join(' · ');
  return [
    `## ${basename(run.data)}, objective ${run.objective}, ${run.budgetMs / 1000} s per instance`,
    '',
    `${key.startsWith('solomon') && run.budgetMs !== 5000 ? 'For reference (targets are at 5 s)' : (TARGETS[key] ?? '')}. ${run.date.slice(0, 16)}Z, ${run.machine}, ${run.workers} instances side by side ` +
      `(each single-threaded), budget counted in ${run.clock === 'cpu' ? 'CPU time of the instance' : 'wall time'}; ` +
      `1-minute load ${run.loadBefore} before / ${run.loadAfter} after (shared machine); wall ${run.wallSeconds} s.`,
    '',
    summarise(run),
    '',
    invalid.length ? `**Invalid:** ${invalid.join(' · ')}` : 'Every solution passed both validators.',
    '',
    `<details><summary>per instance: vehicles/BKS, distance (gap)</summary>\n\n${perInstance}\n\n</details>`,
    '',
  ].join('\n');
});
const cvrp = runs.filter(
  (run) => ['A', 'B', 'P'].includes(basename(run.data)) && run.objective === 'distance',
);
const cvrpGaps = cvrp.flatMap((run) => run.records.map((r) => r.gapPercent ?? NaN));
const cvrpLine =
  cvrp.length > 0
    ? `**CVRP ${cvrp.map((run) => basename(run.data)).join(' + ')}** (${cvrpGaps.length} instances, ` +
      `${cvrp.map((run) => `${run.budgetMs / 1000} s`).join(' / ')}): mean gap ` +
      `**${(cvrpGaps.reduce((a, b) => a + b, 0) / cvrpGaps.length).toFixed(2)} %** (target ≤ 0.5 %), worst ` +
      `${Math.max(...cvrpGaps).toFixed(2)} %.\n`
    : '';
const md = [
  '# Route optimiser (`packages/vrp`)',
  '',
  'SISR ruin-and-recreate with simulated annealing and local search, fleet minimisation for the vehicles',
  "objective. Gap = (distance − best known) / best known. Each solution is checked by the library's",
  "`validateSolution` and by the bench's own checker (`bench/vrp/check.ts`, recomputing from coordinates).",
  'Run: `npm run bench:vrp -- --data <folder> --budget-ms <ms> --out <file.json> [--objective vehicles]`,',
  'then `node --conditions=sauda-source --import tsx bench/vrp/report.ts <file.json>...`.',
  'CVRPLIB instances get the k vehicles their name gives (A-n32-k5: 5), as their optimal values assume.',
  'On a shared machine `--clock cpu` budgets each instance by its own CPU time, so wall times are longer.',
  '',
  cvrpLine,
  ...sections,
].join('\n');
await writeFile(new URL('../results/vrp.md', import.meta.url), md);
await writeFile(new URL('../results/vrp.json', import.meta.url), JSON.stringify(runs, null, 2) + '\n');
console.log(md);
