/**
 * Brings an intent to what the provider says now. Used after authorizing, after a challenge and for every
 * webhook: because it applies the provider's current state through the transition table, a replayed or
 * out-of-order webhook is a no-op, never a step back.
 */
import type { IntentStatus } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { moveIntent, type IntentRow } from '../data/intents-repo.ts';
import type { ProviderState } from '../providers/provider.ts';
import { announceIntent } from './announce.ts';
import { canTransition } from './transitions.ts';

const target: Record<ProviderState['status'], IntentStatus | undefined> = {
  authorized: 'authorized',
  declined: 'failed',
  requires_action: 'requires_action',
  pending: undefined,
  // Captures happen through our own capture use case; a provider-side capture alone changes nothing here.
  captured: undefined,
  canceled: 'voided',
};

/** Applies `state` to `intent` if the table allows; returns the row as it is afterwards. */
export async function applyProviderState(
  tx: Tx,
  intent: IntentRow,
  state: ProviderState,
): Promise<IntentRow> {
  const to = target[state.status];
  if (!to || to === intent.status || !canTransition(intent.status, to)) {
    if (state.status === 'pending' && !intent.provider_ref) {
      const [row] = await tx<IntentRow[]>`
        update payment_intents set provider_ref = ${state.ref}, updated_at = now() where id = ${intent.id} returning *`;
      return row ?? intent;
    }
    return intent;
  }
  const moved = await moveIntent(tx, intent.id, to, {
    providerRef: state.ref,
    ...(state.status === 'declined' ? { failureCode: state.code } : {}),
    ...(state.status === 'requires_action' ? { nextActionUrl: state.url } : {}),
  });
  if (!moved) return intent;
  await announceIntent(tx, moved);
  return moved;
}
