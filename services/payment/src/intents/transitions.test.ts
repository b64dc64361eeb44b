import type { IntentStatus } from '@sauda/contracts';
import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, INTENT_TRANSITIONS, statesBefore } from './transitions.ts';

const states = Object.keys(INTENT_TRANSITIONS) as IntentStatus[];

describe('the intent transition table', () => {
  it('walks every pair of states: allowed pairs pass, all others throw INTENT_STATE_CONFLICT', () => {
    for (const from of states) {
      for (const to of states) {
        const allowed = INTENT_TRANSITIONS[from].includes(to);
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
        else
          expect(() => assertTransition(from, to)).toThrow(
            expect.objectContaining({ code: 'INTENT_STATE_CONFLICT' }),
          );
      }
    }
  });

  it('reaches every state from processing, and every path ends in a terminal state', () => {
    const seen = new Set<IntentStatus>(['processing']);
    const queue: IntentStatus[] = ['processing'];
    while (queue.length > 0) {
      const next = INTENT_TRANSITIONS[queue.shift() as IntentStatus];
      for (const to of next) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    expect([...seen].sort()).toEqual([...states].sort());
    // No cycles: a payment can never go back, so replays and late webhooks cannot undo a later state.
    const depth = (s: IntentStatus, path: IntentStatus[]): number => {
      expect(path).not.toContain(s);
      return Math.max(0, ...INTENT_TRANSITIONS[s].map((to) => 1 + depth(to, [...path, s])));
    };
    expect(depth('processing', [])).toBe(4);
  });

  it('names the guard states of each target', () => {
    expect(statesBefore('voided').sort()).toEqual(['authorized', 'requires_action']);
    expect(statesBefore('authorized').sort()).toEqual(['processing', 'requires_action']);
  });
});
