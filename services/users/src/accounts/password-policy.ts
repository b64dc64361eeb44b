/** The password rules: long enough, not one kind of character only, not the email address. */

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordWeakness = 'too_short' | 'one_character_class' | 'matches_email';

const MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  one_character_class: 'Mix letters with digits, symbols or letters of the other case',
  matches_email: 'Do not use your email address as the password',
};

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** Why the password is too weak for this email, or undefined when it passes. */
export function passwordWeakness(password: string, email: string): PasswordWeakness | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lowered = password.trim().toLowerCase();
  const [localPart = ''] = email.toLowerCase().split('@');
  if (lowered === email.toLowerCase() || lowered === localPart) return 'matches_email';
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < 2) return 'one_character_class';
  return undefined;
}

/** The sentence to show next to the password field. */
export function describeWeakness(weakness: PasswordWeakness): string {
  return MESSAGES[weakness];
}
