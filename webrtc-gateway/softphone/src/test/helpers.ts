import { Softphone } from '../softphone.js';
import type { SoftphoneEvents, SoftphoneOptions } from '../types.js';
import type { Call } from '../protocol.js';
import { FakePeerConnection, MockWebSocket, fakeMicrophone, peerConnectionFactory, settle } from './fakes.js';

export const URL_A = 'wss://cc.test/api/v1/softphone?access_token=token-a';

export function aCall(overrides: Partial<Call> = {}): Call {
  return {
    callId: 'call-1',
    direction: 'inbound',
    state: 'ringing',
    from: '+15551230000',
    to: '+15559870000',
    queueId: 'q-support',
    contact: { id: 'k-1', name: 'Jane Doe', company: 'Globex' },
    muted: false,
    since: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

export function welcome(calls: Call[] = [], state: unknown = { state: 'AVAILABLE' }) {
  return { type: 'welcome', agentId: 'agent-7', state, calls };
}

type Recorded = { [K in keyof SoftphoneEvents]: [K, SoftphoneEvents[K]] }[keyof SoftphoneEvents];

/** A Softphone wired to the fakes, recording every event it emits. */
export function softphone(options: Partial<SoftphoneOptions> = {}) {
  const mic = fakeMicrophone();
  let url: string | null = URL_A;
  const phone = new Softphone({
    url: () => url,
    webSocket: MockWebSocket as unknown as typeof WebSocket,
    peerConnection: peerConnectionFactory,
    getUserMedia: mic.getUserMedia,
    random: () => 0,
    pingIntervalMs: 0,
    device: 'vitest',
    ...options,
  });
  const events: Recorded[] = [];
  const names: Array<keyof SoftphoneEvents> = ['incoming', 'call', 'ended', 'state', 'error', 'connection'];
  for (const name of names) {
    phone.on(name, (payload) => events.push([name, payload] as Recorded));
  }
  return {
    phone,
    mic,
    events,
    setUrl(next: string | null) {
      url = next;
    },
    /** The payloads of one event. */
    of<K extends keyof SoftphoneEvents>(name: K): Array<SoftphoneEvents[K]> {
      return events.filter((e) => e[0] === name).map((e) => e[1] as SoftphoneEvents[K]);
    },
  };
}

/** Connects: opens the socket and greets with `welcome` (with `calls`); the socket. */
export function connect(phone: Softphone, calls: Call[] = []): MockWebSocket {
  phone.connect();
  const ws = MockWebSocket.last();
  ws.open();
  ws.receive(welcome(calls));
  return ws;
}

/** A softphone in an answered call (`call-1`): the gateway answered the offer and connected the call. */
export async function inCall() {
  const s = softphone();
  const ws = connect(s.phone);
  ws.receive({ type: 'incoming', call: aCall() });
  await s.phone.answer('call-1');
  ws.receive({ type: 'answered', callId: 'call-1', sdp: 'v=0\r\n' });
  ws.receive({ type: 'call', call: aCall({ state: 'connected' }) });
  await settle();
  return { ...s, ws, pc: FakePeerConnection.last() };
}
