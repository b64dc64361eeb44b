import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import en from './messages/en.json';

type DispatchCode = keyof typeof en.errors;
const isDispatchCode = (code: string): code is DispatchCode => Object.hasOwn(en.errors, code);

/** The dispatcher's sentence for a dispatching error code, else the app's general one. */
export function describeError(error: unknown, t: TFunction<'dispatch'>, tRoot: TFunction): string {
  if (error instanceof ApiError && isDispatchCode(error.code)) return t(`errors.${error.code}`);
  return problemMessage(error, tRoot);
}
