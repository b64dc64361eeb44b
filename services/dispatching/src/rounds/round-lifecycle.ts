/** A round's lifecycle as data: which step moves it from which state to which (issue 7). */
import type { RoundStatus } from '@sauda/contracts';
import { RoundTransitionNotAllowed } from '../errors.ts';

/** The steps a round can take. */
export type RoundStep = 'publish' | 'revise' | 'start' | 'complete' | 'cancel';

/** Allowed transitions: step → from-states → to-state. `revise` sends a published round back for edits. */
export const ROUND_TRANSITIONS: Record<RoundStep, { from: readonly RoundStatus[]; to: RoundStatus }> = {
  publish: { from: ['planned'], to: 'published' },
  revise: { from: ['published'], to: 'planned' },
  start: { from: ['published'], to: 'started' },
  complete: { from: ['started'], to: 'completed' },
  cancel: { from: ['planned', 'published'], to: 'cancelled' },
};

/** The state after `step`, or ROUND_TRANSITION_NOT_ALLOWED. */
export function nextRoundStatus(current: RoundStatus, step: RoundStep): RoundStatus {
  const rule = ROUND_TRANSITIONS[step];
  if (!rule.from.includes(current))
    throw new RoundTransitionNotAllowed(`a ${current} round cannot ${step}`, { roundStatus: current, step });
  return rule.to;
}

/** True for states a round never leaves. */
export function isFinalRound(status: RoundStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

/** Rounds whose stops a dispatcher may still rearrange. */
export function isEditableRound(status: RoundStatus): boolean {
  return status === 'planned';
}
