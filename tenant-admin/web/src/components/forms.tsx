import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldError, Problem } from '../api/problem';

interface FieldBase {
  id: string;
  testId: string;
  error?: string;
  hint?: ReactNode;
}

/** What a control needs to point screen readers at its field's hint and error. */
function controlAria(id: string, testId: string, error?: string, hint?: ReactNode) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    id,
    name: id,
    'data-testid': testId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/** Every field's frame: its class (invalid when in error), the labelled control, its hint and its error. */
function Field({ id, testId, error, hint, className, children }: FieldBase & { className?: string; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {children}
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

interface TextFieldProps extends FieldBase, InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function TextField({ id, label, testId, error, hint, className, ref, ...input }: TextFieldProps) {
  return (
    <Field id={id} testId={testId} error={error} hint={hint} className={className}>
      <label htmlFor={id}>{label}</label>
      <input ref={ref} {...controlAria(id, testId, error, hint)} {...input} />
    </Field>
  );
}

interface SelectFieldProps extends FieldBase, SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  children: ReactNode;
}

/** A labelled select with its hint and its error, like {@link TextField}. */
export function SelectField({ id, label, testId, error, hint, className, children, ...select }: SelectFieldProps) {
  return (
    <Field id={id} testId={testId} error={error} hint={hint} className={className}>
      <label htmlFor={id}>{label}</label>
      <select {...controlAria(id, testId, error, hint)} {...select}>
        {children}
      </select>
    </Field>
  );
}

interface TextAreaFieldProps extends FieldBase, TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
}

/** A labelled multi-line input (e.g. one entry per line), like {@link TextField}. */
export function TextAreaField({ id, label, testId, error, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Field id={id} testId={testId} error={error} hint={hint} className={className}>
      <label htmlFor={id}>{label}</label>
      <textarea {...controlAria(id, testId, error, hint)} {...textarea} />
    </Field>
  );
}

interface CheckboxFieldProps extends FieldBase, Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: ReactNode;
}

/** A labelled checkbox with its hint and its error, like {@link TextField}. */
export function CheckboxField({ id, label, testId, error, hint, className, ...input }: CheckboxFieldProps) {
  return (
    <Field id={id} testId={testId} error={error} hint={hint} className={className}>
      <label className="check" htmlFor={id}>
        <input type="checkbox" {...controlAria(id, testId, error, hint)} {...input} />
        <span>{label}</span>
      </label>
    </Field>
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
