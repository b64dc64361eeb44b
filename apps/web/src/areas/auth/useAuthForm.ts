import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { focusFirstInvalid, useFieldMessage } from './useFieldMessage.ts';
import { serverErrors, type FieldErrors } from './validation.ts';

/**
 * A sign-in or sign-up form: its values, the messages under its fields and above it, and a submit that
 * checks the values first, sends them, and lands the focus on the first field a check or the server rejected.
 */
export function useAuthForm<F extends string, T>({
  fields,
  initial,
  validate,
  send,
  onSuccess,
}: {
  /** The fields in their order on the page (the first invalid one takes the focus). */
  fields: readonly F[];
  initial: Record<F, string>;
  validate: (values: Record<F, string>) => FieldErrors<F>;
  send: (values: Record<F, string>) => Promise<T>;
  onSuccess?: (answer: T) => void;
}) {
  const message = useFieldMessage();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: () => send(values),
    ...(onSuccess ? { onSuccess } : {}),
    onError: (error) => {
      const found = serverErrors(error, fields);
      setErrors(found.fields);
      setFormError(found.formError);
      focusFirstInvalid(form.current, fields, found.fields);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validate(values);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return focusFirstInvalid(form.current, fields, invalid);
    mutation.mutate();
  }

  /** The props of one field's input: its name, value, change handler and message. */
  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    error: message(errors[name]),
  });

  return { form, submit, field, setValues, formError, pending: mutation.isPending };
}
