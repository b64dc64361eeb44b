/** The soak's Markdown report: settings, the verdict with its stated tolerances, and the minute-by-minute table. */
import type { Sample, TOLERANCE, Verdict } from './trend.ts';

export interface SoakResult {
  startedAt: string;
  finishedAt: string;
  machine: string;
  settings: { minutes: number; rate: number; warmupMinutes: number; sampleSeconds: number };
  tolerance: typeof TOLERANCE;
  warmup: { requests: number; errors: number };
  samples: Sample[];
  verdict: Verdict;
  errorSamples: string[];
}

const mark = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Renders `bench/results/soak.md`. */
export function renderReport(result: SoakResult): string {
  const { settings, tolerance, verdict, samples } = result;
  const services = Object.keys(verdict.rss);
  const trendRows = services.map((service) => {
    const t = verdict.rss[service];
    if (!t) return '';
    return `| ${service} | ${fixed(t.mean)} | ${fixed(t.slopePerMinute, 2)} | ${fixed(t.growth)} | ${fixed(t.tolerance)} | ${mark(t.pass)} |`;
  });
  const sampleRows = samples.map(
    (s) =>
      `| ${fixed(s.minute)} | ${s.requests} | ${s.errors} | ${s.p50Ms} | ${s.p99Ms} | ${services
        .map((name) => (s.rssMb[name] === undefined ? '—' : fixed(s.rssMb[name] ?? 0, 0)))
        .join(' | ')} |`,
  );
  const requests = samples.reduce((sum, s) => sum + s.requests, 0);
  return `# Soak (bench/soak)

**${verdict.pass ? 'PASS' : 'FAIL'}** — ${settings.minutes} min measured after ${settings.warmupMinutes} min of warm-up,
${settings.rate} operations/s (about ${Math.round(requests / Math.max(settings.minutes, 1) / 60)} requests/s): browsing, product pages,
search, carts, checkouts with the sandbox card, orders and public tracking, through the gateway of the whole
system started by the runner (embedded PostgreSQL, every service its own process). Sampled every
${settings.sampleSeconds} s: each service process's RSS (\`/proc/<pid>/status\`, median of 5 reads 2 s apart), the load's p50/p99 and errors.
${result.machine}. ${result.startedAt} → ${result.finishedAt}. Run: \`npm run bench:soak -- --minutes ${settings.minutes}\`.

## Verdict
${samples.length < 10 ? `\n_Only ${samples.length} samples: the trends of a run this short are indicative; the verdict is meant for the 30-minute form._\n` : ''}
- Errors (any answer ≥ 400, timeout, dropped connection, or the load backing up): **${verdict.errors}**
  (warm-up ${result.warmup.errors}) — ${mark(verdict.errors <= tolerance.errors)}
- Restarted processes: ${verdict.restarts.length ? verdict.restarts.join(', ') : 'none'} — ${mark(verdict.restarts.length === 0)}
- p99 trend: mean ${fixed(verdict.p99.mean)} ms, slope ${fixed(verdict.p99.slopePerMinute, 2)} ms/min, fitted rise
  ${fixed(verdict.p99.growth)} ms over the run, tolerance ${fixed(verdict.p99.tolerance)} ms — ${mark(verdict.p99.pass)}
- RSS trend per process (least squares over the samples); tolerance: fitted growth over the run ≤
  max(${tolerance.rssShare * 100} % of the mean, ${tolerance.rssFloorMb} MB). p99: rise ≤ max(${tolerance.p99Share * 100} % of the mean, ${tolerance.p99FloorMs} ms).

| process | mean RSS MB | slope MB/min | fitted growth MB | tolerance MB | |
| --- | --- | --- | --- | --- | --- |
${trendRows.join('\n')}

## Samples

| minute | requests | errors | p50 ms | p99 ms | ${services.join(' | ')} |
| --- | --- | --- | --- | --- | ${services.map(() => '---').join(' | ')} |
${sampleRows.join('\n')}
${result.errorSamples.length ? `\nFirst errors:\n\n${result.errorSamples.map((e) => `- \`${e.replaceAll('`', "'")}\``).join('\n')}\n` : ''}`;
}
