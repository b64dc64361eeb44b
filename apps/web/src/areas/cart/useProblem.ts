import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import en from './messages/en.json';

type Code = keyof typeof en.errors;

/** A translated sentence for a failed cart or checkout call: orders' codes first, then the app's. */
export function useProblem(): (error: unknown) => string {
  const { t } = useTranslation('cart');
  const { t: tRoot } = useTranslation();
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError && Object.hasOwn(en.errors, error.code)
        ? t(`errors.${error.code as Code}`)
        : problemMessage(error, tRoot),
    [t, tRoot],
  );
}
