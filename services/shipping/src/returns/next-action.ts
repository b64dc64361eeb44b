/** What follows a failed delivery attempt (pure rule). */
import type { NextAction } from '@sauda/contracts';

/** Reasons a driver cannot fix by coming back tomorrow: someone has to call the recipient first. */
const NEEDS_CONTACT = new Set(['address_not_found', 'no_access', 'cash_not_available']);

/**
 * A refusal, a damaged parcel, or the last allowed attempt sends the parcel back to its sender; an address
 * problem needs a call to the recipient; anything else is tried again the next day.
 */
export function nextActionAfter(reason: string, attempt: number, maxAttempts: number): NextAction {
  if (reason === 'refused' || reason === 'damaged' || attempt >= maxAttempts) return 'return_to_sender';
  return NEEDS_CONTACT.has(reason) ? 'contact_recipient' : 'retry_next_day';
}
