/**
 * Softphone signalling protocol v1: the JSON messages between the browser (this SDK) and the gateway,
 * over `GET /api/v1/softphone?access_token=…` (WebSocket, text frames, one JSON object each, ≤ 64 KiB).
 * README.md documents every message; schema/softphone-messages.schema.json is the machine-readable form.
 */

/** The agent states the ACD knows. */
export type AgentStateName = 'OFFLINE' | 'AVAILABLE' | 'AWAY' | 'RESERVED' | 'RINGING' | 'BUSY' | 'WRAP_UP';

/** The states an agent may choose; the others follow calls. */
export type SettableState = 'AVAILABLE' | 'AWAY' | 'OFFLINE';

export type CallDirection = 'inbound' | 'outbound';
export type CallState = 'ringing' | 'connecting' | 'connected' | 'held';
export type ConsultState = 'ringing' | 'connected';

export type EndReason =
  | 'caller-hangup'
  | 'agent-hangup'
  | 'rejected'
  | 'missed'
  | 'transferred'
  | 'failed'
  | 'media-timeout';

export type ErrorCode =
  | 'invalid-json'
  | 'invalid-message'
  | 'unknown-type'
  | 'hello-required'
  | 'unknown-call'
  | 'invalid-sdp'
  | 'not-an-agent'
  | 'replaced'
  | 'invalid-state'
  | 'busy'
  | 'transfer-refused'
  | 'dial-refused'
  | 'not-prepared'
  | 'media-failed';

export interface CallContact {
  id: string;
  name: string;
  company?: string;
}

/** A call of the agent, as the gateway describes it. */
export interface Call {
  callId: string;
  direction: CallDirection;
  state: CallState;
  from: string;
  to: string;
  queueId?: string;
  /** The CRM contact the caller was matched to (the screen pop). */
  contact?: CallContact;
  muted: boolean;
  /** ISO instant: when the call entered its current phase. */
  since: string;
  /** An attended transfer in progress: the colleague consulted. */
  consult?: { agentId: string; state: ConsultState };
  /** This call is a colleague consulting the agent before an attended transfer (no wrap-up if it ends so). */
  consultation?: { fromAgentId: string };
}

/** The agent's state as the ACD has it. */
export interface AgentStateInfo {
  state: AgentStateName;
  reason?: string | null;
}

// --- client -> gateway -------------------------------------------------------------------------

export type ClientMessage =
  | { type: 'hello'; device?: string }
  | { type: 'state'; state: SettableState; reason?: string }
  | { type: 'answer'; callId: string; sdp?: string }
  | { type: 'prepare'; callId: string; sdp: string }
  | { type: 'candidate'; callId: string; candidate: string | null }
  | { type: 'reject'; callId: string }
  | { type: 'hangup'; callId: string }
  | { type: 'hold'; callId: string; hold: boolean }
  | { type: 'mute'; callId: string; mute: boolean }
  | { type: 'dtmf'; callId: string; digits: string }
  | { type: 'transfer'; callId: string; queueId: string }
  | { type: 'transfer'; callId: string; agentId: string }
  | { type: 'consult'; callId: string; agentId: string }
  | { type: 'complete-transfer'; callId: string }
  | { type: 'cancel-consult'; callId: string }
  | { type: 'dial'; number: string; from?: string; queueId?: string }
  | { type: 'ping' };

// --- gateway -> client -------------------------------------------------------------------------

export interface WelcomeMessage {
  type: 'welcome';
  agentId: string;
  state: AgentStateInfo;
  calls: Call[];
}
export interface IncomingMessage {
  type: 'incoming';
  call: Call;
}
/** The gateway's SDP answer to the offer of `answer` (`answered`) or of `prepare` (`prepared`). */
export interface AnsweredMessage {
  type: 'answered' | 'prepared';
  callId: string;
  sdp: string;
}
export interface CallMessage {
  type: 'call';
  call: Call;
}
export interface EndedMessage {
  type: 'ended';
  callId: string;
  reason: EndReason;
}
export interface StateMessage {
  type: 'state';
  state: AgentStateName;
  reason?: string | null;
}
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode | string;
  message: string;
  callId?: string;
  /** For `dial-refused`: the platform's own code for the refusal (`not-found`, `agent-busy`, …). */
  reason?: string;
}
export interface PongMessage {
  type: 'pong';
}

export type ServerMessage =
  | WelcomeMessage
  | IncomingMessage
  | AnsweredMessage
  | CallMessage
  | EndedMessage
  | StateMessage
  | ErrorMessage
  | PongMessage;

export const AGENT_STATES: readonly AgentStateName[] = [
  'OFFLINE',
  'AVAILABLE',
  'AWAY',
  'RESERVED',
  'RINGING',
  'BUSY',
  'WRAP_UP',
];
export const CALL_STATES: readonly CallState[] = ['ringing', 'connecting', 'connected', 'held'];
export const END_REASONS: readonly EndReason[] = [
  'caller-hangup',
  'agent-hangup',
  'rejected',
  'missed',
  'transferred',
  'failed',
  'media-timeout',
];

/** The digits `dtmf` accepts: 0-9 * # A-D, 1 to 32 of them. */
export const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function optionalReason(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** A Call as the gateway sends it, or null when it does not have the required fields. */
export function toCall(value: unknown): Call | null {
  if (!isObject(value)) return null;
  const v = value;
  if (!isId(v.callId) || (v.direction !== 'inbound' && v.direction !== 'outbound')) return null;
  if (!CALL_STATES.includes(v.state as CallState)) return null;
  if (!isString(v.from) || !isString(v.to) || typeof v.muted !== 'boolean' || !isString(v.since)) return null;
  if (!optional(v.queueId, isString)) return null;
  if (v.contact !== undefined && !(isObject(v.contact) && isId(v.contact.id) && isString(v.contact.name))) return null;
  if (v.contact !== undefined && !optional((v.contact as Obj).company, isString)) return null;
  if (
    v.consult !== undefined &&
    !(isObject(v.consult) && isId(v.consult.agentId) && (v.consult.state === 'ringing' || v.consult.state === 'connected'))
  ) {
    return null;
  }
  if (v.consultation !== undefined && !(isObject(v.consultation) && isId(v.consultation.fromAgentId))) return null;
  return value as unknown as Call;
}

/**
 * The agent state of a `welcome`: an object `{state, reason?}`; a bare state name is read too (a tolerant
 * reading of "the agent state object as in `state`").
 */
function toStateInfo(value: unknown): AgentStateInfo | null {
  if (isString(value)) {
    return AGENT_STATES.includes(value as AgentStateName) ? { state: value as AgentStateName } : null;
  }
  if (isObject(value) && AGENT_STATES.includes(value.state as AgentStateName) && optionalReason(value.reason)) {
    return { state: value.state as AgentStateName, reason: (value.reason as string | null | undefined) ?? null };
  }
  return null;
}

/**
 * Parses one frame from the gateway. Null for anything that is not a well-formed message of a known type:
 * not text, not JSON, not an object, a missing or mistyped field. Unknown fields are ignored (and kept).
 */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(value) || !isString(value.type)) return null;
  const v = value;
  switch (v.type) {
    case 'welcome': {
      const state = toStateInfo(v.state);
      if (!isId(v.agentId) || !state || !Array.isArray(v.calls)) return null;
      const calls = v.calls.map(toCall);
      if (calls.some((c) => c === null)) return null;
      return { ...v, type: 'welcome', agentId: v.agentId, state, calls: calls as Call[] };
    }
    case 'incoming':
    case 'call':
      return toCall(v.call) ? (value as unknown as IncomingMessage | CallMessage) : null;
    case 'answered':
    case 'prepared':
      return isId(v.callId) && isString(v.sdp) && v.sdp !== '' ? (value as unknown as AnsweredMessage) : null;
    case 'ended':
      return isId(v.callId) && isString(v.reason) ? (value as unknown as EndedMessage) : null;
    case 'state':
      return AGENT_STATES.includes(v.state as AgentStateName) && optionalReason(v.reason)
        ? (value as unknown as StateMessage)
        : null;
    case 'error':
      return isString(v.code) && optional(v.message, isString) && optional(v.callId, isString) && optional(v.reason, isString)
        ? ({ ...v, message: v.message ?? '' } as unknown as ErrorMessage)
        : null;
    case 'pong':
      return { type: 'pong' };
    default:
      return null;
  }
}
