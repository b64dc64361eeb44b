/** The chaos run's report as Markdown (bench/results/chaos.md). */
import type { ChaosReport } from './harness.ts';
import type { Outcome } from './load.ts';

const OUTCOMES: Outcome[] = ['ok', 'rejected', 'server_error', 'network_error'];
const seconds = (ms: number | null) =>
  ms === null ? 'never (within the recovery window)' : `${(ms / 1000).toFixed(1)} s`;

/** Renders the report: load by outcome, faults, recovery, invariants, and the schedule itself. */
export function renderReport(report: ChaosReport): string {
  const kinds = Object.keys(report.load.requests).sort();
  const total = (o: Outcome) => kinds.reduce((sum, k) => sum + (report.load.requests[k]?.[o] ?? 0), 0);
  const requestRows = kinds.map(
    (k) => `| ${k} | ${OUTCOMES.map((o) => report.load.requests[k]?.[o] ?? 0).join(' | ')} |`,
  );
  const faultRows = Object.entries(report.faults).map(([k, n]) => `| ${k} | ${n} |`);
  const invariantRows = report.invariants.map(
    (r) =>
      `| ${r.ok ? 'ok' : '**FAIL**'} | ${r.name} | ${r.checked} | ${r.details.join('<br>').replaceAll('|', '\\|')} |`,
  );
  const baselineFailed = report.baseline.filter((r) => !r.ok);
  const endings = Object.entries(report.load.endings)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  return `# Chaos under load (tools/chaos)

${report.ok ? 'Every invariant held after recovery.' : '**Some invariants failed after recovery** (see below).'}
Run of ${report.durationMs / 1000} s started ${report.startedAt}, seed ${report.seed} (\`--seed ${report.seed}\` replays
the schedule). Machine: ${report.machine}. The machine was shared with other agents' builds and tests, so
figures are pessimistic and vary between runs. How to read this: see tools/chaos/README.md.

## Requests sent, by outcome

| kind | ok | rejected (4xx) | server error (5xx) | network error or timeout |
| --- | --- | --- | --- | --- |
${requestRows.join('\n')}
| **all** | ${OUTCOMES.map(total).join(' | ')} |

Checkouts accepted: ${report.load.accepted.length}; the last status each buyer saw: ${endings || 'none'}.

## Faults injected

| fault | count |
| --- | --- |
${faultRows.join('\n')}

## Recovery

- every service ready: ${seconds(report.recovery.readyMs)} after the last fault ended
- every invariant held: ${seconds(report.recovery.invariantsMs)} after the last fault ended

## Invariants (the run's data, after recovery)

| | invariant | checked | details |
| --- | --- | --- | --- |
${invariantRows.join('\n')}

Demo data before the run (whole history): ${
    baselineFailed.length === 0
      ? 'every invariant held.'
      : `${baselineFailed.length} failed: ${baselineFailed.map((r) => `${r.name} (${r.details[0] ?? ''})`).join('; ')}.`
  }

## Schedule

${report.schedule.map((line) => `- ${line}`).join('\n')}
`;
}
