import type { Call, ConnectionInfo, SoftphoneErrorEvent } from '@callisto/softphone';
import { formatClock } from '../admin/RealtimePage';

/** The other party of a call: the caller of an inbound call, the number called by an outbound one. */
export function otherParty(call: Pick<Call, 'direction' | 'from' | 'to'>): string {
  return call.direction === 'outbound' ? call.to : call.from;
}

/** How long since `since` (an ISO instant), as a clock: `02:05`. */
export function elapsed(since: string, now: number): string {
  const start = Date.parse(since);
  return formatClock(Number.isNaN(start) ? 0 : (now - start) / 1000);
}

export const CALL_STATE_LABEL: Record<string, string> = {
  ringing: 'Ringing',
  connecting: 'Connecting',
  connected: 'Connected',
  held: 'On hold',
};

export const END_REASON_LABEL: Record<string, string> = {
  'caller-hangup': 'The caller hung up.',
  'agent-hangup': 'You hung up.',
  rejected: 'You declined the call.',
  missed: 'The call was not answered in time.',
  transferred: 'The call was transferred.',
  failed: 'The call failed.',
  'media-timeout': 'The call ended: no audio reached the gateway.',
  gone: 'The call ended while the phone was disconnected.',
};

/** What the connection indicator says. */
export function connectionText(connection: ConnectionInfo): string {
  switch (connection.state) {
    case 'connected':
      return 'Phone connected';
    case 'connecting':
      return 'Connecting…';
    default:
      if (connection.closeCode === 4000) return 'Phone open in another window';
      if (connection.closeCode === 1008) return 'Phone unavailable';
      if (connection.retryInMs !== null) {
        return `Disconnected: retrying in ${Math.max(1, Math.round(connection.retryInMs / 1000))} s`;
      }
      return 'Disconnected';
  }
}

const ERROR_TEXT: Record<string, string> = {
  replaced: 'Your phone was opened in another tab or window, so it stopped here. Reload this page to take it back.',
  'not-an-agent': 'Your user has no agent profile, so it cannot take calls. Ask an administrator to make you an agent.',
  'not-connected': 'The phone is not connected right now; try again in a moment.',
  busy: 'You are already on a call.',
  'invalid-state': 'That is not possible in your current state.',
  'transfer-refused': 'The transfer was refused: the target cannot take the call now.',
  'dial-refused': 'The number cannot be called.',
  'dial-timeout': 'The call could not be started. Try again.',
  'unknown-call': 'That call is no longer in progress.',
};

/** A sentence for an error of the softphone: the gateway's message after what the agent can do about it. */
export function errorText(error: Pick<SoftphoneErrorEvent, 'code' | 'message'>): string {
  const advice = ERROR_TEXT[error.code];
  if (error.code === 'media-error') {
    return `Audio problem: ${error.message || 'check your microphone and its permission in the browser.'}`;
  }
  if (!advice) return error.message || `Error: ${error.code}`;
  return error.message && error.code !== 'replaced' && error.code !== 'not-an-agent' ? `${advice} (${error.message})` : advice;
}
