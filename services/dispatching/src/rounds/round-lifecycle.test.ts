import type { RoundStatus } from '@sauda/contracts';
import { describe, expect, it } from 'vitest';
import { isFinalRound, nextRoundStatus, ROUND_TRANSITIONS, type RoundStep } from './round-lifecycle.ts';

const STATES: RoundStatus[] = ['planned', 'published', 'started', 'completed', 'cancelled'];
const STEPS = Object.keys(ROUND_TRANSITIONS) as RoundStep[];

describe('round lifecycle', () => {
  it('allows exactly the transitions of the table and refuses every other pair', () => {
    for (const state of STATES) {
      for (const step of STEPS) {
        const rule = ROUND_TRANSITIONS[step];
        if (rule.from.includes(state)) expect(nextRoundStatus(state, step)).toBe(rule.to);
        else expect(() => nextRoundStatus(state, step)).toThrow(/cannot/);
      }
    }
  });

  it('walks the happy path planned → published → started → completed', () => {
    let state: RoundStatus = 'planned';
    for (const step of ['publish', 'start', 'complete'] as const) state = nextRoundStatus(state, step);
    expect(state).toBe('completed');
  });

  it('never leaves a final state', () => {
    for (const state of STATES.filter(isFinalRound))
      for (const step of STEPS) expect(() => nextRoundStatus(state, step)).toThrow();
  });

  it('reaches every state from planned', () => {
    const seen = new Set<RoundStatus>(['planned']);
    for (let grew = true; grew;) {
      grew = false;
      for (const step of STEPS)
        for (const from of ROUND_TRANSITIONS[step].from)
          if (seen.has(from) && !seen.has(ROUND_TRANSITIONS[step].to)) {
            seen.add(ROUND_TRANSITIONS[step].to);
            grew = true;
          }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });
});
