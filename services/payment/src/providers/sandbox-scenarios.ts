/**
 * The sandbox bank's documented test cards. Any other valid card is approved; any future expiry and any
 * CVC of the right length work. (Shown on the card form and in the README.)
 */

/** What the sandbox bank does with a card. */
export type SandboxScenario =
  | 'approve'
  | 'insufficient_funds'
  | 'do_not_honour'
  | 'stolen_card'
  | 'challenge'
  | 'timeout'
  | 'late_answer';

/** Test card numbers (all Luhn-valid) and the behaviour each selects. */
export const SANDBOX_TEST_CARDS: Readonly<Record<string, SandboxScenario>> = {
  '4242424242424242': 'approve',
  '5555555555554444': 'approve',
  '2200000000000004': 'approve',
  '6200000000000005': 'approve',
  '378282246310005': 'approve',
  '4000000000009995': 'insufficient_funds',
  '4000000000000002': 'do_not_honour',
  '4000000000009979': 'stolen_card',
  '4000000000003220': 'challenge',
  '4000000000000119': 'timeout',
  '4000000000000259': 'late_answer',
};

/** The scenario a card number selects. */
export function scenarioOf(digits: string): SandboxScenario {
  return SANDBOX_TEST_CARDS[digits] ?? 'approve';
}

/** Decline scenarios answer with their own name as the reason code. */
export const DECLINES: ReadonlySet<SandboxScenario> = new Set([
  'insufficient_funds',
  'do_not_honour',
  'stolen_card',
]);
