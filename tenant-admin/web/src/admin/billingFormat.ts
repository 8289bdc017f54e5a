/**
 * Money and dates as the billing screens show them, in the browser's locale (`locale` is for tests).
 */

/**
 * An amount in the currency's minor unit (cents, as Stripe counts) formatted in that currency:
 * `money(12500, 'usd')` → `$125.00`; zero-decimal currencies (JPY, KRW …) have no minor unit, so
 * `money(500, 'jpy')` → `¥500`. An unknown currency code is shown as `125.00 XYZ`.
 */
export function money(minor: number, currency: string, locale?: string): string {
  const code = currency.trim().toUpperCase();
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

/** `2026-12-01T12:00:00Z` → `Dec 1, 2026` (in the browser's locale and time zone); `—` for none. */
export function day(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A moment with its time, for deadlines: `Dec 1, 2026, 12:00 PM`; `—` for none. */
export function moment(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `Dec 1, 2026 – Dec 31, 2026`: a range of two days; `—` when either is missing. */
export function period(start: string | null | undefined, end: string | null | undefined, locale?: string): string {
  if (!start || !end) return '—';
  return `${day(start, locale)} – ${day(end, locale)}`;
}
