import { ApiError, fieldName } from '../../api/problem.ts';
import type en from '../../i18n/en.json';

/** The shortest password the register form accepts. */
export const PASSWORD_MIN_LENGTH = 10;

type ValidationKey = Exclude<keyof typeof en.validation, 'summary'>;
type ErrorCode = keyof typeof en.errors.codes;

/** A message under a field: one of ours (translated when shown), or the server's own text. */
export type FieldMessage = { key: ValidationKey } | { code: ErrorCode } | { text: string };

/** Messages by field name; a field without one is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, FieldMessage>>;

export interface LoginValues {
  email: string;
  password: string;
}

export interface RegisterValues extends LoginValues {
  name: string;
  phone: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "+7 (701) 234-56-78" → "+77012345678": what the API stores. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

function emailError(email: string): FieldMessage | undefined {
  if (!email.trim()) return { key: 'required' };
  return EMAIL.test(email.trim()) ? undefined : { key: 'email' };
}

/** Checks the sign-in form before it is sent. */
export function validateLogin(values: LoginValues): FieldErrors<keyof LoginValues> {
  return prune({
    email: emailError(values.email),
    password: values.password ? undefined : { key: 'required' },
  });
}

/** Checks the register form before it is sent. */
export function validateRegister(values: RegisterValues): FieldErrors<keyof RegisterValues> {
  const digits = normalizePhone(values.phone).replace('+', '');
  return prune({
    name:
      values.name.trim().length >= 2 ? undefined : { key: values.name.trim() ? 'nameLength' : 'required' },
    email: emailError(values.email),
    password: !values.password
      ? { key: 'required' }
      : [...values.password].length < PASSWORD_MIN_LENGTH
        ? { key: 'passwordLength' }
        : undefined,
    phone: values.phone.trim() && (digits.length < 10 || digits.length > 15) ? { key: 'phone' } : undefined,
  });
}

// The field a problem code is about, so its message shows under that field.
const FIELD_OF_CODE: Partial<Record<string, string>> = { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' };
// Our own sentence for a field the server rejected: it is translated, the server's text is English.
const RULE_OF_FIELD: Partial<Record<string, ValidationKey>> = {
  email: 'email',
  password: 'passwordLength',
  name: 'nameLength',
  phone: 'phone',
};

/**
 * Splits a failed submit into messages under fields and, when no field explains it, a form-level error.
 */
export function serverErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fields: FieldErrors<F>; formError: unknown } {
  if (!(error instanceof ApiError)) return { fields: {}, formError: error };
  const found: FieldErrors<F> = {};
  const isField = (name: string | undefined): name is F => fields.includes(name as F);

  const codeField = FIELD_OF_CODE[error.code];
  if (isField(codeField)) found[codeField] = { code: error.code as ErrorCode };
  for (const problem of error.fieldErrors) {
    const name = fieldName(problem.path);
    if (!isField(name) || found[name]) continue;
    const rule = RULE_OF_FIELD[name];
    found[name] = rule ? { key: rule } : { text: problem.message };
  }
  return { fields: found, formError: Object.keys(found).length > 0 && codeField ? null : error };
}

function prune<F extends string>(errors: Record<F, FieldMessage | undefined>): FieldErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, value]) => value)) as FieldErrors<F>;
}
