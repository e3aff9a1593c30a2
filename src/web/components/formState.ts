import type { TFunction } from 'i18next';
import { useState } from 'react';

/** A schema issue as zod reports it: the path's first key names the form field. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

// Our schemas' messages are error codes (`username_taken`); zod's own are English sentences.
const ERROR_CODE = /^[a-z_]+$/;

/**
 * The first issue of each of `fields` as a translated message. A message that is one of our error
 * codes is translated as such; any other (zod's generic English) becomes `fallback(field)`'s code.
 */
export function issueMessages<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
  fallback: (field: F) => string,
  t: TFunction,
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = fields.find((name) => name === issue.path[0]);
    if (field === undefined || found[field]) continue;
    found[field] = t(`errors.${ERROR_CODE.test(issue.message) ? issue.message : fallback(field)}`);
  }
  return found;
}

/** Moves focus to the first field with an error (inputs are `${idPrefix}-${field}`); true if any. */
export function focusFirstError(idPrefix: string, errors: Partial<Record<string, string>>): boolean {
  const first = Object.keys(errors).find((field) => errors[field]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  return first !== undefined;
}

/**
 * The text values of a form and the errors found before sending it. `bind(field, serverErrors)`
 * gives one FormField its value, onChange and error (the client's finding first, else the server's).
 */
export function useFormFields<F extends string>(initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Partial<Record<F, string>>>({});
  const set = (field: F) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const bind = (field: F, serverErrors: Partial<Record<string, string>> = {}) => ({
    value: values[field],
    onChange: set(field),
    error: clientErrors[field] ?? serverErrors[field],
  });
  return { values, bind, setClientErrors, reset: () => setValues(initial) };
}
