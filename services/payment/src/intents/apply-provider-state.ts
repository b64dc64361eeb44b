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

/** What applying a provider state changed: the row afterwards, and whether it reached a new state to announce. */
export interface AppliedState {
  row: IntentRow;
  moved: boolean;
}

/** Applies `state` to `intent` if the table allows and announces the new state; returns the row afterwards. */
export async function applyProviderState(
  tx: Tx,
  intent: IntentRow,
  state: ProviderState,
): Promise<IntentRow> {
  const applied = await moveToProviderState(tx, intent, state);
  if (applied?.moved) await announceIntent(tx, applied.row);
  return applied?.row ?? intent;
}

/**
 * Applies `state` without announcing it, for callers that send the event along with other writes. Undefined
 * when nothing changed, also when the guarded update found the intent no longer in `intent.status`.
 */
export async function moveToProviderState(
  tx: Tx,
  intent: IntentRow,
  state: ProviderState,
): Promise<AppliedState | undefined> {
  const to = target[state.status];
  if (!to || to === intent.status || !canTransition(intent.status, to)) {
    if (state.status !== 'pending' || intent.provider_ref) return undefined;
    const [row] = await tx<IntentRow[]>`
      update payment_intents set provider_ref = ${state.ref}, updated_at = now()
      where id = ${intent.id} and provider_ref is null returning *`;
    return row ? { row, moved: false } : undefined;
  }
  const moved = await moveIntent(tx, intent.id, to, {
    providerRef: state.ref,
    ...(state.status === 'declined' ? { failureCode: state.code } : {}),
    ...(state.status === 'requires_action' ? { nextActionUrl: state.url } : {}),
  });
  return moved ? { row: moved, moved: true } : undefined;
}
