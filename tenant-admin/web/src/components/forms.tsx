import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldError, Problem } from '../api/problem';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  testId: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function TextField({ id, label, testId, error, hint, className, ref, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        name={id}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  testId: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled select with its hint and its error, like {@link TextField}. */
export function SelectField({ id, label, testId, error, hint, className, children, ...select }: SelectFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  testId: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled multi-line input (e.g. one entry per line), like {@link TextField}. */
export function TextAreaField({ id, label, testId, error, hint, className, ...textarea }: TextAreaFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={id}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: ReactNode;
  testId: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled checkbox with its hint and its error, like {@link TextField}. */
export function CheckboxField({ id, label, testId, error, hint, className, ...input }: CheckboxFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="check" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name={id}
          data-testid={testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The lines of a multi-line input, trimmed, without the empty ones. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The form-level error: the problem's detail, plus field errors no input on the form shows. */
export function ErrorMessage({
  message,
  extra = [],
  testId = 'error-message',
}: {
  message: string | null | undefined;
  extra?: FieldError[];
  testId?: string;
}) {
  if (!message) {
    return null;
  }
  return (
    <div className="alert alert--error" role="alert" data-testid={testId}>
      <p>{message}</p>
      {extra.length > 0 ? (
        <ul>
          {extra.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface FormErrors<F extends string> {
  /** The problem's detail, shown above the form. */
  message: string | null;
  /** Messages for the form's own inputs. */
  fields: Partial<Record<F, string>>;
  /** Field errors naming no input of the form. */
  unmatched: FieldError[];
}

export function noErrors<F extends string>(): FormErrors<F> {
  return { message: null, fields: {}, unmatched: [] };
}

/**
 * Spreads a problem's field errors over a form's inputs. `fieldOf` maps the API's field names
 * (e.g. `adminEmail`, or a nested `request.adminEmail`) to the form's own; `byCode` marks a field
 * for problem codes that concern one field without naming it (e.g. `duplicate-email`).
 */
export function formErrors<F extends string>(
  problem: Problem,
  fieldOf: Record<string, F>,
  byCode: Record<string, { field: F; message: string }> = {},
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const unmatched: FieldError[] = [];
  for (const e of problem.errors) {
    const key = fieldOf[e.field] ?? fieldOf[e.field.split('.').pop() ?? e.field];
    if (key) {
      if (!fields[key]) {
        fields[key] = e.message;
      }
    } else {
      unmatched.push(e);
    }
  }
  const coded = problem.code ? byCode[problem.code] : undefined;
  if (coded && !fields[coded.field]) {
    fields[coded.field] = coded.message;
  }
  return { message: problem.detail, fields, unmatched };
}

/**
 * Like {@link formErrors}, for forms whose API fields are nested (`requiredSkills.billing`,
 * `maxConcurrent.CHAT`, `items[2].code`): `fieldOf` maps an API field name to the form's own.
 */
export function formErrorsBy<F extends string>(problem: Problem, fieldOf: (apiField: string) => F | undefined): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const unmatched: FieldError[] = [];
  for (const e of problem.errors) {
    const key = fieldOf(e.field);
    if (key) {
      if (!fields[key]) {
        fields[key] = e.message;
      }
    } else {
      unmatched.push(e);
    }
  }
  return { message: problem.detail, fields, unmatched };
}

/** An API field name without a leading `request.`/`body.` and with `a[1]` spelled `a.1`. */
export function apiFieldPath(field: string): string[] {
  return field
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '')
    .filter((s, i) => !(i === 0 && (s === 'request' || s === 'body')));
}

/** `"12"` → 12; null for anything but a whole number at least `min`. */
export function parseWhole(raw: string, min = 0): number | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    return null;
  }
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}
