import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type FieldMessage } from './validation.ts';

/** Turns a field message into text in the current language. */
export function useFieldMessage(): (message: FieldMessage | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (message) => {
      if (!message) return undefined;
      if ('text' in message) return message.text;
      if ('code' in message) return t(`errors.codes.${message.code}`);
      return t(`validation.${message.key}`, { min: PASSWORD_MIN_LENGTH });
    },
    [t],
  );
}

/** Moves focus to the first invalid field, so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(
  form: HTMLFormElement | null,
  fields: readonly string[],
  invalid: object,
): void {
  const first = fields.find((name) => name in invalid);
  if (!first || !form) return;
  const element = form.elements.namedItem(first);
  if (element instanceof HTMLElement) element.focus();
}
