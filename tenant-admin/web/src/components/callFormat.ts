/** How the call records (`GET /calls`) look in the admin console's Calls page and the agent desktop's recent calls. */

/** The badge tone of each disposition; a disposition not listed here is neutral. */
const DISPOSITION_TONE: Record<string, string> = {
  ANSWERED: 'good',
  ABANDONED: 'warn',
  NO_ANSWER: 'warn',
  BUSY: 'warn',
  FAILED: 'bad',
  REFUSED: 'bad',
};

/** The class names of the badge that shows a call's disposition. */
export function dispositionBadge(disposition: string): string {
  return `badge badge--${DISPOSITION_TONE[disposition] ?? 'neutral'}`;
}
