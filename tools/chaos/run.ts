/**
 * The long form of the chaos run: `npm run chaos -- --minutes 10 [--seed N] [--buyers 6] [--browsers 2]`.
 * Writes bench/results/chaos.md and chaos.json; exits 1 when an invariant fails after recovery.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runChaos } from './harness.ts';
import { renderReport } from './report.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    buyers: { type: 'string', default: '6' },
    browsers: { type: 'string', default: '2' },
    'recovery-minutes': { type: 'string', default: '10' },
  },
});
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('--minutes must be a positive number');
  process.exit(2);
}
const started = Date.now();
const report = await runChaos({
  durationMs: Math.round(minutes * 60_000),
  seed: values.seed === undefined ? undefined : Number(values.seed),
  buyers: Number(values.buyers),
  browsers: Number(values.browsers),
  recoveryTimeoutMs: Number(values['recovery-minutes']) * 60_000,
  log: (line) => console.log(`[chaos +${Math.round((Date.now() - started) / 1000)}s] ${line}`),
});
await writeFile(new URL('../../bench/results/chaos.md', import.meta.url), renderReport(report));
await writeFile(
  new URL('../../bench/results/chaos.json', import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);
console.log(renderReport(report));
console.log('wrote bench/results/chaos.{md,json}');
process.exit(report.ok ? 0 : 1);
