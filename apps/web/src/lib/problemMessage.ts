import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem.ts';
import en from '../i18n/en.json';

type KnownCode = keyof typeof en.errors.codes;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(en.errors.codes, code);
}

/** A human, translated sentence for any failure: by the problem's code, else by its HTTP status. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.codes.UNKNOWN');
  if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  if (error.status === 0) return t('errors.codes.NETWORK_ERROR');
  if (error.status >= 500) return t('errors.codes.SERVER_ERROR');
  return t('errors.codes.UNKNOWN');
}
