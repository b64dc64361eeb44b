/**
 * Cash on delivery reconciliation: the cash a round brought back captures each of its payments. One
 * reconciliation per round (the round id is the primary key), so a resent report changes nothing; a line
 * that is not a cash payment awaiting collection is reported back, not allowed to block the others.
 */
import type { Money } from '@sauda/contracts';
import { withTransaction, type Principal } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import { findIntent } from '../data/intents-repo.ts';
import { CodIntentInvalid, CurrencyMismatch } from '../errors.ts';
import { captureIntent } from '../intents/capture-intent.ts';

/** A round's cash report. */
export interface CollectionReport {
  roundId: string;
  driverId: string;
  collections: { intentId: string; amount: Money }[];
}

/** The outcome per line. */
export interface CollectionResult {
  roundId: string;
  captured: { intentId: string; amount: Money }[];
  rejected: { intentId: string; reason: string }[];
  replayed: boolean;
}

/** Reconciles a round once; a repeated report answers the first result. */
export async function reconcileCollection(
  ctx: PaymentContext,
  staff: Principal,
  report: CollectionReport,
): Promise<CollectionResult> {
  return withTransaction(ctx.db, async (tx) => {
    const claimed = await tx`
      insert into cod_collections (round_id, collected_by, reported_by, lines)
      values (${report.roundId}, ${report.driverId}, ${staff.id}, '[]'::jsonb)
      on conflict (round_id) do nothing returning round_id`;
    if (claimed.length === 0) {
      const [stored] = await tx<{ lines: Omit<CollectionResult, 'replayed'> }[]>`
        select lines from cod_collections where round_id = ${report.roundId}`;
      return {
        ...(stored?.lines ?? { roundId: report.roundId, captured: [], rejected: [] }),
        replayed: true,
      };
    }
    const result: Omit<CollectionResult, 'replayed'> = {
      roundId: report.roundId,
      captured: [],
      rejected: [],
    };
    for (const line of report.collections) {
      const intent = await findIntent(tx, line.intentId);
      try {
        if (!intent || intent.method !== 'cod' || intent.status !== 'authorized')
          throw new CodIntentInvalid();
        if (intent.currency !== line.amount.currency) throw new CurrencyMismatch();
        await tx.savepoint((sp) =>
          captureIntent(ctx, sp, line.intentId, line.amount.amount, { viaCollection: true }),
        );
        result.captured.push({ intentId: line.intentId, amount: line.amount });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (!code) throw error;
        result.rejected.push({ intentId: line.intentId, reason: code });
      }
    }
    await tx`update cod_collections set lines = ${JSON.stringify(result)}::text::jsonb where round_id = ${report.roundId}`;
    return { ...result, replayed: false };
  });
}
