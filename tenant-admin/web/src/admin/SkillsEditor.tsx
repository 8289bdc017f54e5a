import type { Skills } from '../api/types';
import { parseWhole } from '../components/forms';

export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 10;

/** One row of the editor, as typed. `key` keeps React's rows apart while rows come and go. */
export interface SkillRow {
  key: number;
  name: string;
  level: string;
}

let nextKey = 1;

export function newSkillRow(name = '', level = '1'): SkillRow {
  return { key: nextKey++, name, level };
}

/** The rows for a skills map, by name. */
export function skillRowsOf(skills: Skills | null | undefined): SkillRow[] {
  return Object.entries(skills ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, level]) => newSkillRow(name, String(level)));
}

export interface SkillCheck {
  /** The skills map when every row is valid, else null. */
  skills: Skills | null;
  /** A message per invalid row, by row key. */
  rowErrors: Record<number, string>;
}

/** Checks the rows as the server does: a name, once, and a whole level from 1 to 10. */
export function checkSkills(rows: readonly SkillRow[]): SkillCheck {
  const skills = new Map<string, number>();
  const seen = new Set<string>();
  const rowErrors: Record<number, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    const level = parseWhole(row.level, MIN_SKILL_LEVEL);
    const twice = seen.has(name);
    seen.add(name);
    if (name === '') {
      rowErrors[row.key] = 'Enter a skill name.';
    } else if (twice) {
      rowErrors[row.key] = `“${name}” is listed twice.`;
    } else if (level === null || level > MAX_SKILL_LEVEL) {
      rowErrors[row.key] = `The level of “${name}” must be a whole number from ${MIN_SKILL_LEVEL} to ${MAX_SKILL_LEVEL}.`;
    } else {
      skills.set(name, level);
    }
  }
  return { skills: Object.keys(rowErrors).length === 0 ? Object.fromEntries(skills) : null, rowErrors };
}

export function sameSkills(a: Skills | null | undefined, b: Skills | null | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && x[k] === y[k]);
}

/** Skills as small tags, for tables. */
export function SkillTags({ skills }: { skills: Skills | null | undefined }) {
  const entries = Object.entries(skills ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <span className="tags">
      {entries.map(([name, level]) => (
        <span key={name} className="tag tag--skill" title={`${name}, level ${level}`}>
          {name} <strong>{level}</strong>
        </span>
      ))}
    </span>
  );
}

interface SkillsEditorProps {
  id: string;
  legend: string;
  testId: string;
  rows: SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  rowErrors?: Record<number, string>;
  /** An error about the skills as a whole (e.g. from the server). */
  error?: string;
  hint?: string;
  disabled?: boolean;
}

/** Rows of skill name + level (1..10), with add and remove. */
export function SkillsEditor({
  id,
  legend,
  testId,
  rows,
  onChange,
  rowErrors = {},
  error,
  hint,
  disabled,
}: SkillsEditorProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  function update(key: number, change: Partial<SkillRow>) {
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }

  return (
    <fieldset
      className={error ? 'field field--invalid' : 'field'}
      aria-describedby={describedBy || undefined}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted rows__empty">No skills.</p>
      ) : (
        <ul className="rows">
          {rows.map((row, i) => {
            const rowError = rowErrors[row.key];
            const errorId = `${id}-row-${row.key}-error`;
            return (
              <li key={row.key} className={rowError ? 'rows__row rows__row--invalid' : 'rows__row'}>
                <div className="rows__inputs">
                  <input
                    className="rows__grow"
                    aria-label={`Skill ${i + 1} name`}
                    data-testid={`${testId}-name-${i}`}
                    placeholder="Skill, e.g. billing"
                    autoComplete="off"
                    value={row.name}
                    disabled={disabled}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                    onChange={(e) => update(row.key, { name: e.target.value })}
                  />
                  <input
                    className="rows__narrow"
                    type="number"
                    inputMode="numeric"
                    min={MIN_SKILL_LEVEL}
                    max={MAX_SKILL_LEVEL}
                    step={1}
                    aria-label={`Skill ${i + 1} level (${MIN_SKILL_LEVEL} to ${MAX_SKILL_LEVEL})`}
                    title={`Level, ${MIN_SKILL_LEVEL} to ${MAX_SKILL_LEVEL}`}
                    data-testid={`${testId}-level-${i}`}
                    value={row.level}
                    disabled={disabled}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={rowError ? errorId : undefined}
                    onChange={(e) => update(row.key, { level: e.target.value })}
                  />
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    data-testid={`${testId}-remove-${i}`}
                    aria-label={`Remove skill ${i + 1}${row.name.trim() ? ` (${row.name.trim()})` : ''}`}
                    disabled={disabled}
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    Remove
                  </button>
                </div>
                {rowError ? (
                  <p id={errorId} className="field__error" data-testid={`${testId}-row-${i}-error`}>
                    {rowError}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button
          type="button"
          className="button button--small"
          data-testid={`${testId}-add`}
          disabled={disabled}
          onClick={() => onChange([...rows, newSkillRow()])}
        >
          Add skill
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
