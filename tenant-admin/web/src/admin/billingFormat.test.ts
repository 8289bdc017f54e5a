import { describe, expect, it } from 'vitest';
import { day, money, period } from './billingFormat';

describe('billing formats', () => {
  it('formats minor units in the invoice’s currency', () => {
    expect(money(12500, 'usd', 'en-US')).toBe('$125.00');
    expect(money(199, 'usd', 'en-US')).toBe('$1.99');
    expect(money(123450, 'eur', 'en-US')).toBe('€1,234.50');
    expect(money(123450, 'eur', 'de-DE')).toBe('1.234,50\u00a0€');
    // zero-decimal currencies have no minor unit: Stripe sends whole yen
    expect(money(500, 'jpy', 'en-US')).toBe('¥500');
    // three-decimal currencies: fils
    expect(money(1500, 'kwd', 'en-US')).toBe('KWD\u00a01.500');
    expect(money(0, 'gbp', 'en-GB')).toBe('£0.00');
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(money(12500, 'x1', 'en-US')).toBe('125.00 X1');
  });

  it('formats days and periods, and a dash for none', () => {
    expect(day('2026-12-01T12:00:00Z', 'en-US')).toBe('Dec 1, 2026');
    expect(day(null)).toBe('—');
    expect(period('2026-11-01T12:00:00Z', '2026-12-01T12:00:00Z', 'en-US')).toBe('Nov 1, 2026 – Dec 1, 2026');
    expect(period(null, '2026-12-01T12:00:00Z', 'en-US')).toBe('—');
  });
});
