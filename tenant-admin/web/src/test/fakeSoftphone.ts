import type {
  AgentStateInfo,
  Call,
  CallStats,
  ConnectionInfo,
  EndedEvent,
  SoftphoneErrorEvent,
  SoftphoneEvents,
} from '@callisto/softphone';
import { aCall as aGatewayCall } from '@callisto/softphone/testing';
import { vi } from 'vitest';
import type { SoftphoneLike } from '../agent/softphoneContext';

type Handlers = { [K in keyof SoftphoneEvents]: Set<(payload: SoftphoneEvents[K]) => void> };

/** The SDK tests' call (`call-1`, ringing in from Jane Doe), in its state since now: the desktop shows for how long. */
export function aCall(overrides: Partial<Call> = {}): Call {
  return aGatewayCall({ since: new Date().toISOString(), ...overrides });
}

export const STATS: CallStats = {
  packetsReceived: 120,
  packetsSent: 118,
  bytesReceived: 19200,
  bytesSent: 18880,
  packetsLost: 0,
  jitter: 0.002,
  audioLevel: 0.25,
  roundTripTime: 0.01,
  dtlsState: 'connected',
  iceState: 'connected',
  connectionState: 'connected',
};

/**
 * A Softphone stand-in for the desktop's tests: every action is a vi.fn, and the test plays the gateway with
 * `welcome`, `ring`, `update`, `end`, `pushState`, `fail`.
 */
export class FakeSoftphone implements SoftphoneLike {
  connection: ConnectionInfo = { state: 'closed', agentId: null, retryInMs: null };
  agentId: string | null = null;
  state: AgentStateInfo | null = null;
  private readonly map = new Map<string, Call>();
  private readonly handlers: Handlers = {
    incoming: new Set(),
    call: new Set(),
    ended: new Set(),
    state: new Set(),
    error: new Set(),
    connection: new Set(),
  };

  get calls(): Call[] {
    return [...this.map.values()];
  }

  readonly connect = vi.fn(() => {
    this.setConnection({ state: 'connecting', agentId: this.agentId, retryInMs: null });
  });
  readonly close = vi.fn();
  readonly setState = vi.fn((_state: string, _reason?: string) => true);
  readonly answer = vi.fn(async (_callId: string) => {});
  readonly reject = vi.fn((_callId: string) => true);
  readonly hangup = vi.fn((_callId: string) => true);
  readonly mute = vi.fn((_callId: string, _on: boolean) => true);
  readonly hold = vi.fn((_callId: string, _on: boolean) => true);
  readonly sendDtmf = vi.fn((_callId: string, _digits: string) => true);
  readonly transfer = vi.fn((_callId: string, _target: { queueId: string } | { agentId: string }) => true);
  readonly consult = vi.fn((_callId: string, _agentId: string) => true);
  readonly completeTransfer = vi.fn((_callId: string) => true);
  readonly cancelConsult = vi.fn((_callId: string) => true);
  readonly dial = vi.fn(async (number: string, _from?: string): Promise<Call> => {
    const call = aCall({ callId: 'call-out', direction: 'outbound', state: 'connecting', from: '+15559870000', to: number });
    delete call.contact;
    this.update(call);
    return call;
  });
  readonly setInputDevice = vi.fn(async (_deviceId: string | null) => {});
  readonly setOutputDevice = vi.fn(async (_deviceId: string | null) => {});
  readonly remoteAudio = vi.fn((_element: HTMLMediaElement | null) => {});
  readonly stats = vi.fn(async (_callId: string): Promise<CallStats | null> => STATS);

  on<K extends keyof SoftphoneEvents>(event: K, handler: (payload: SoftphoneEvents[K]) => void): () => void {
    const set = this.handlers[event] as Set<(payload: SoftphoneEvents[K]) => void>;
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** How many handlers listen to `event` (to check the desktop unsubscribes). */
  listeners(event: keyof SoftphoneEvents): number {
    return this.handlers[event].size;
  }

  // --- the gateway, played by the test ---

  welcome(agentId = 'u-agent', state: AgentStateInfo = { state: 'AVAILABLE', reason: null }, calls: Call[] = []): void {
    this.agentId = agentId;
    this.state = state;
    this.setConnection({ state: 'connected', agentId, retryInMs: null });
    this.emit('state', state);
    for (const call of calls) {
      this.map.set(call.callId, call);
      this.emit(call.direction === 'inbound' && call.state === 'ringing' ? 'incoming' : 'call', call);
    }
  }

  ring(call: Call = aCall()): void {
    this.map.set(call.callId, call);
    this.emit('incoming', call);
  }

  update(call: Call): void {
    this.map.set(call.callId, call);
    this.emit('call', call);
  }

  end(callId: string, reason: string): void {
    const call = this.map.get(callId) ?? null;
    this.map.delete(callId);
    const event: EndedEvent = { callId, reason, call };
    this.emit('ended', event);
  }

  pushState(state: AgentStateInfo): void {
    this.state = state;
    this.emit('state', state);
  }

  fail(error: SoftphoneErrorEvent): void {
    this.emit('error', error);
  }

  setConnection(connection: ConnectionInfo): void {
    this.connection = connection;
    this.emit('connection', connection);
  }

  private emit<K extends keyof SoftphoneEvents>(event: K, payload: SoftphoneEvents[K]): void {
    for (const handler of [...(this.handlers[event] as Set<(payload: SoftphoneEvents[K]) => void>)]) handler(payload);
  }
}
