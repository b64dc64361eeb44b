import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import en from './messages/en.json';

type UsersCode = keyof typeof en.errors;

const isUsersCode = (code: string): code is UsersCode => Object.hasOwn(en.errors, code);

/**
 * A translated sentence for a failed users call: the users service's own codes from this area's
 * messages, every other code as the app says it.
 */
export function describeError(error: unknown, t: TFunction<'account'>, tRoot: TFunction): string {
  if (error instanceof ApiError && isUsersCode(error.code)) return t(`errors.${error.code}`);
  return problemMessage(error, tRoot);
}
