/**
 * The short chaos run in CI: ninety seconds of kills, proxy faults, a broker and a database restart
 * under checkout and browsing load, on a system of its own (not the suite's shared one); then every
 * invariant must hold after recovery.
 */
import { describe, expect, it } from 'vitest';
import { formatResults } from '../invariants/check-invariants.ts';
import { runChaos } from './harness.ts';
import { renderReport } from './report.ts';

describe('chaos under load', () => {
  it(
    'loses no checkout, charges no order twice and keeps every ledger balanced through ninety seconds of faults',
    async () => {
      const report = await runChaos({
        durationMs: 90_000,
        buyers: 4,
        browsers: 1,
        // Fewer kills than the long form, so that whole checkouts get through in the time.
        killEveryMs: 10_000,
        recoveryTimeoutMs: 600_000,
        // Checkout's handlers take milliseconds: a killed consumer's job may come back after 20 s, not 2 min.
        jobExpirySeconds: 20,
        log: (line) => console.log(`[chaos] ${line}`),
      });
      if (!report.ok) console.log(renderReport(report));
      expect(report.load.accepted.length, 'the load got checkouts through').toBeGreaterThan(0);
      expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      expect(report.recovery.readyMs, 'every service came back').not.toBeNull();
      expect(report.ok, formatResults(report.invariants)).toBe(true);
    },
    // Start-up of a whole system on a shared machine, the chaos, and up to ten minutes of recovery.
    25 * 60_000,
  );
});
