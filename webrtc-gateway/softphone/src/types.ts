import type { GetUserMedia, PeerConnectionFactory } from './media.js';
import type { AgentStateInfo, Call, EndReason } from './protocol.js';

/** `connecting`: the socket is opening or waits for `welcome`; `connected`: signalling works; `closed`: see `retryInMs`. */
export type ConnectionState = 'connecting' | 'connected' | 'closed';

export interface ConnectionInfo {
  state: ConnectionState;
  /** The agent this softphone belongs to (from `welcome`); null before the first one. */
  agentId: string | null;
  /** When closed: the delay before the next attempt, or null when the softphone does not reconnect. */
  retryInMs: number | null;
  /** When closed: the WebSocket close code (4000 replaced by another connection, 1008 refused). */
  closeCode?: number;
}

/**
 * Why a call left the softphone: the gateway's reasons, plus `gone` when the SDK itself drops it: the call was
 * no longer in progress when the SDK reconnected, or another connection of the agent took it over.
 */
export type EndedReason = EndReason | 'gone';

export interface EndedEvent {
  callId: string;
  reason: EndedReason | string;
  /** The call as last known, when it was known. */
  call: Call | null;
}

/**
 * An error: the gateway's `error` message (its codes), or the SDK's own: `not-connected` (nothing could be sent),
 * `media-error` (microphone, RTCPeerConnection or SDP trouble in this browser), `dial-timeout`.
 */
export interface SoftphoneErrorEvent {
  code: string;
  message: string;
  callId?: string;
  /** For `dial-refused`: the platform's own code for the refusal (`not-found`, `agent-busy`, …). */
  reason?: string;
}

export interface SoftphoneEvents {
  /** An inbound call rings. */
  incoming: Call;
  /** A call changed (or became known: a dialled call, the calls of `welcome`). */
  call: Call;
  ended: EndedEvent;
  /** The agent's state, as the ACD has it. */
  state: AgentStateInfo;
  error: SoftphoneErrorEvent;
  connection: ConnectionInfo;
}

export interface SoftphoneOptions {
  /** The WebSocket address (`wss://host/api/v1/softphone?access_token=…`), asked before every connect; null waits. */
  url: () => string | null;
  /** The WebSocket class; the global one by default. */
  webSocket?: typeof WebSocket;
  /** Makes the RTCPeerConnection of a call; `new RTCPeerConnection(configuration)` by default. */
  peerConnection?: PeerConnectionFactory;
  /** The microphone; `navigator.mediaDevices.getUserMedia` by default. */
  getUserMedia?: GetUserMedia;
  /** The first reconnect delay (1 s), doubling with every failed attempt up to `maxDelayMs` (30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1, the jitter added to reconnect delays (up to +20 %); Math.random by default. */
  random?: () => number;
  /** How often to `ping` (20 s); a ping unanswered by the next one closes and reconnects. 0 turns it off. */
  pingIntervalMs?: number;
  /** How long `dial` waits for the gateway's `call` (30 s). */
  dialTimeoutMs?: number;
  /** Sent in `hello`; the browser's user agent by default. */
  device?: string;
  /**
   * Connect a ringing call's media while it rings (`prepare`), so that answering has nothing left to negotiate and
   * the caller is heard at once (true by default). False: the media connects only when the agent answers.
   */
  preconnect?: boolean;
}

/** What `dial` may say besides the number. */
export interface DialOptions {
  /** The caller id shown to the called party: one of the tenant's numbers (default: the trunk's). */
  from?: string;
  /** The queue the call is made for (default: the agent's first): its recording rule, transfers and reports follow. */
  queueId?: string;
}

/** Thrown (as a rejection) by `answer`, `dial` and friends; `code` as in {@link SoftphoneErrorEvent}. */
export class SoftphoneError extends Error {
  readonly code: string;
  readonly callId?: string;
  /** For `dial-refused`: the platform's own code for the refusal. */
  readonly reason?: string;

  constructor(code: string, message: string, callId?: string, reason?: string) {
    super(message);
    this.name = 'SoftphoneError';
    this.code = code;
    this.callId = callId;
    this.reason = reason;
  }
}
