/** The payment intent lifecycle as data: the allowed transitions, and the guard every change goes through. */
import type { IntentStatus } from '@sauda/contracts';
import { IntentStateConflict } from '../errors.ts';

/** From each state, the states it may move to. Terminal states map to nothing. */
export const INTENT_TRANSITIONS: Readonly<Record<IntentStatus, readonly IntentStatus[]>> = {
  processing: ['requires_action', 'authorized', 'failed'],
  requires_action: ['authorized', 'failed', 'voided'],
  authorized: ['captured', 'voided'],
  captured: ['refunded'],
  refunded: [],
  voided: [],
  failed: [],
};

/** True when `from → to` is in the table. */
export function canTransition(from: IntentStatus, to: IntentStatus): boolean {
  return INTENT_TRANSITIONS[from].includes(to);
}

/** The states an intent may be in for `to` to be allowed: used as the guard in the UPDATE's WHERE clause. */
export function statesBefore(to: IntentStatus): IntentStatus[] {
  return (Object.keys(INTENT_TRANSITIONS) as IntentStatus[]).filter((from) => canTransition(from, to));
}

/** Throws INTENT_STATE_CONFLICT unless `from → to` is allowed. */
export function assertTransition(from: IntentStatus, to: IntentStatus): void {
  if (!canTransition(from, to))
    throw new IntentStateConflict(`a ${from} payment cannot become ${to}`, { currentStatus: from });
}
