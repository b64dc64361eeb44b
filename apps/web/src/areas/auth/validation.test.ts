import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem.ts';
import { normalizePhone, serverErrors, validateLogin, validateRegister } from './validation.ts';

const valid = { name: 'Aigerim Bekova', email: 'aigerim@example.kz', password: 'steppe-horse-42', phone: '' };

describe('the register form', () => {
  it('accepts a complete form without a phone', () => {
    expect(validateRegister(valid)).toEqual({});
  });

  it.each([
    ['an empty name', { name: ' ' }, { name: { key: 'required' } }],
    ['a one-letter name', { name: 'A' }, { name: { key: 'nameLength' } }],
    ['an email without a domain', { email: 'aigerim@' }, { email: { key: 'email' } }],
    ['a 9-character password', { password: '123456789' }, { password: { key: 'passwordLength' } }],
    ['a short phone', { phone: '+7 701' }, { phone: { key: 'phone' } }],
  ])('rejects %s', (_, change, expected) => {
    expect(validateRegister({ ...valid, ...change })).toEqual(expected);
  });

  it('counts a password of exactly 10 characters as long enough', () => {
    expect(validateRegister({ ...valid, password: 'abcdefghij' })).toEqual({});
  });
});

describe('the login form', () => {
  it('needs an email and a password', () => {
    expect(validateLogin({ email: '', password: '' })).toEqual({
      email: { key: 'required' },
      password: { key: 'required' },
    });
  });
});

describe('normalizePhone', () => {
  it('keeps the plus and the digits', () => {
    expect(normalizePhone(' +7 (701) 234-56-78 ')).toBe('+77012345678');
  });
});

describe('serverErrors', () => {
  const fields = ['email', 'password', 'name'] as const;

  it('puts EMAIL_TAKEN under the email field, with no form-level error', () => {
    const error = new ApiError(409, { code: 'EMAIL_TAKEN' });
    expect(serverErrors(error, fields)).toEqual({
      fields: { email: { code: 'EMAIL_TAKEN' } },
      formError: null,
    });
  });

  it('maps VALIDATION_FAILED field paths to fields and keeps the summary', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { path: '/email', message: 'must match format "email"' },
        { path: '/nickname', message: 'unknown' },
      ],
    });
    const result = serverErrors(error, fields);
    expect(result.fields).toEqual({ email: { key: 'email' } });
    expect(result.formError).toBe(error);
  });

  it('leaves INVALID_CREDENTIALS at form level, not revealing which field was wrong', () => {
    const error = new ApiError(401, { code: 'INVALID_CREDENTIALS' });
    expect(serverErrors(error, fields)).toEqual({ fields: {}, formError: error });
  });
});
