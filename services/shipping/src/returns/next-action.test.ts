import { describe, expect, it } from 'vitest';
import { nextActionAfter } from './next-action.ts';

describe('after a failed attempt', () => {
  it.each([
    ['recipient_absent', 1, 'retry_next_day'],
    ['recipient_absent', 2, 'retry_next_day'],
    ['recipient_absent', 3, 'return_to_sender'],
    ['address_not_found', 1, 'contact_recipient'],
    ['no_access', 2, 'contact_recipient'],
    ['cash_not_available', 1, 'contact_recipient'],
    ['refused', 1, 'return_to_sender'],
    ['damaged', 1, 'return_to_sender'],
    ['other', 5, 'return_to_sender'],
  ] as const)('%s on attempt %i of 3 → %s', (reason, attempt, action) => {
    expect(nextActionAfter(reason, attempt, 3)).toBe(action);
  });
});
