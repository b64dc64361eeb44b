import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import en from './messages/en.json';

type DriverCode = keyof typeof en.errors;
const isDriverCode = (code: string): code is DriverCode => Object.hasOwn(en.errors, code);

/** The driver's sentence for a dispatching error code, else the app's general one. */
export function describeError(error: unknown, t: TFunction<'driver'>, tRoot: TFunction): string {
  if (error instanceof ApiError && isDriverCode(error.code)) return t(`errors.${error.code}`);
  return problemMessage(error, tRoot);
}
