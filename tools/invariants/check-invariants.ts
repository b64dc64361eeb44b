/** The invariant checker: after any run, what must hold across the services' databases. */
import { checkoutsSettled, reservationsFollowOrders } from './checks/checkouts.ts';
import { eventsDelivered } from './checks/events.ts';
import { giftCardLedgerBalances, paymentLedgerBalances } from './checks/ledgers.ts';
import { parcelsMatchTrackingLog } from './checks/parcels.ts';
import { capturedMatchesOrders, noDoubleCharge } from './checks/payments.ts';
import { noOversell, stockLedgerMatchesLevels } from './checks/stock.ts';
import { openSystemDatabases } from './databases.ts';
import type { Invariant, InvariantResult } from './types.ts';

export type { InvariantResult } from './types.ts';

/** Every invariant, in the order they are reported. */
export const INVARIANTS: readonly Invariant[] = [
  checkoutsSettled,
  reservationsFollowOrders,
  noDoubleCharge,
  capturedMatchesOrders,
  stockLedgerMatchesLevels,
  noOversell,
  eventsDelivered,
  paymentLedgerBalances,
  giftCardLedgerBalances,
  parcelsMatchTrackingLog,
];

/** Where the system's databases are and which part of their history to judge. */
export interface CheckOptions {
  /** Admin URL of the PostgreSQL server holding `<dbPrefix>_<service>` databases. */
  adminUrl: string;
  /** Database prefix (the runner's `dbPrefix`, default `sauda`). */
  dbPrefix: string;
  /** Judge only orders, payments, shipments and events from this instant on (default: all history). */
  since?: Date;
  /** Work due before this instant must be done (default: now); the end of the recovery window. */
  settledBefore?: Date;
}

/** Runs every invariant; a check that throws is reported as failed with its error, never skipped. */
export async function checkInvariants(options: CheckOptions): Promise<InvariantResult[]> {
  const databases = await openSystemDatabases(options.adminUrl, options.dbPrefix);
  const ctx = {
    db: (service: string) => databases.db(service),
    bus: () => databases.bus(),
    since: options.since ?? new Date(0),
    settledBefore: options.settledBefore ?? new Date(),
  };
  try {
    const results: InvariantResult[] = [];
    for (const invariant of INVARIANTS) {
      try {
        results.push({ name: invariant.name, ...(await invariant.run(ctx)) });
      } catch (error) {
        results.push({
          name: invariant.name,
          ok: false,
          checked: 0,
          details: [`check failed: ${(error as Error).message}`],
        });
      }
    }
    return results;
  } finally {
    await databases.close();
  }
}

/** A plain-text table of the results, one line per invariant and one per listed violation. */
export function formatResults(results: readonly InvariantResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.flatMap((r) => [
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(width)}  ${String(r.checked).padStart(7)} checked`,
    ...r.details.map((d) => `        ${d}`),
  ]);
  const failed = results.filter((r) => !r.ok).length;
  lines.push(
    failed === 0
      ? `all ${results.length} invariants hold`
      : `${failed} of ${results.length} invariants FAILED`,
  );
  return lines.join('\n');
}
