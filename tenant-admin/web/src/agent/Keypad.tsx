import { useState } from 'react';

const KEYS: Array<{ key: string; testId: string; label: string }> = [
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => ({ key: k, testId: `keypad-${k}`, label: k })),
  { key: '*', testId: 'keypad-star', label: 'Star' },
  { key: '0', testId: 'keypad-0', label: '0' },
  { key: '#', testId: 'keypad-pound', label: 'Pound' },
];

/** The DTMF keypad of a call: each key sends its tone to the caller; the keys pressed show above. */
export function Keypad({ onDigit }: { onDigit: (digit: string) => void }) {
  const [typed, setTyped] = useState('');

  function press(key: string) {
    setTyped((t) => (t + key).slice(-32));
    onDigit(key);
  }

  return (
    <div className="keypad" role="group" aria-label="Keypad" data-testid="keypad">
      <output className="keypad__typed" aria-live="polite" data-testid="keypad-typed">
        {typed}
      </output>
      <div className="keypad__keys">
        {KEYS.map((k) => (
          <button
            key={k.key}
            type="button"
            className="button keypad__key"
            data-testid={k.testId}
            aria-label={k.label}
            onClick={() => press(k.key)}
          >
            {k.key}
          </button>
        ))}
      </div>
    </div>
  );
}
