/** The shapes of the Callisto REST API v1 that this app uses. */

export type Role = 'ADMIN' | 'SUPERVISOR' | 'AGENT';
export const ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'AGENT'];

export type TenantStatus = 'PENDING_PAYMENT' | 'TRIALING' | 'ACTIVE' | 'PAST_DUE' | 'SUSPENDED' | 'CANCELED';

export interface SignupRequest {
  companyName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  seats: number;
}

export interface SignupResponse {
  tenantId: string;
  adminUserId: string;
  status: TenantStatus | string;
  checkoutUrl?: string | null;
}

export interface TokenRequest {
  email: string;
  password: string;
  tenantId?: string;
}

/** What `POST /auth/token` and `POST /auth/refresh` answer. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType?: string;
  expiresIn: number;
  tenantId: string;
  userId: string;
  roles: string[];
}

export interface Tenant {
  id: string;
  companyName: string;
  status: TenantStatus | string;
  seatsLeased: number;
  plan: string | null;
  createdAt: string;
}

export interface Me {
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  roles: string[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

// --- seats and billing ------------------------------------------------------------------------

/** `GET /seats`, `PUT /seats`: the seats the company leases and how many are taken. */
export interface Seats {
  leased: number;
  inUse: number;
}

export interface SeatsRequest {
  leased: number;
}

/** The Stripe subscription behind the tenant; its `status` is Stripe's own (`active`, `past_due` …). */
export interface Subscription {
  status: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  trialEndsAt: string | null;
}

/** Usage in the current billing period; minutes not yet reported to Stripe are counted apart. */
export interface Usage {
  periodStart: string | null;
  periodEnd: string | null;
  calls: number;
  minutes: number;
  unreportedMinutes: number;
}

export interface Invoice {
  id: string;
  number: string | null;
  /** Stripe's: draft, open, paid, uncollectible, void. */
  status: string;
  /** In the currency's minor unit (cents), as Stripe counts. */
  amountDue: number;
  amountPaid: number;
  /** ISO 4217, lower case as Stripe spells it. */
  currency: string;
  createdAt: string;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
}

/** `GET /billing` (ADMIN). With billing disabled: no subscription, no invoices, no notices. */
export interface Billing {
  enabled: boolean;
  plan: string | null;
  status: TenantStatus | string;
  seats: Seats;
  subscription: Subscription | null;
  /** While PAST_DUE: when the account will be suspended. */
  graceEndsAt: string | null;
  /** While CANCELED: when the data will be deleted. */
  retainedUntil: string | null;
  usage: Usage;
  invoices: Invoice[];
  notices: string[];
}

/** `POST /billing/portal`, `POST /billing/checkout`: a Stripe page to send the browser to. */
export interface RedirectUrl {
  url: string;
}

// --- routing: queues and agents -------------------------------------------------------------

export const QUEUE_STRATEGIES = ['LONGEST_IDLE', 'SKILLS', 'ROUND_ROBIN', 'FEWEST_CALLS', 'RING_ALL'] as const;
export type QueueStrategy = (typeof QUEUE_STRATEGIES)[number];

/** Skill name to level (1..10). */
export type Skills = Record<string, number>;

export interface Queue {
  id: string;
  name: string;
  strategy: QueueStrategy | string;
  requiredSkills: Skills;
  priority: number;
  maxWaitSeconds: number;
  overflowQueueId: string | null;
  wrapUpSeconds: number;
  serviceLevelSeconds: number;
  offerTimeoutSeconds: number;
  relaxAfterSeconds: number;
  relaxStep: number;
  /** Whether answered calls are recorded (both directions, a stereo WAV listed on the call's record). */
  recordCalls: boolean;
}

/** `POST /queues`: everything but the id; only name and strategy are required. */
export type CreateQueueRequest = Pick<Queue, 'name'> & { strategy: QueueStrategy } & Partial<
  Omit<Queue, 'id' | 'name' | 'strategy'>
>;

/** `PATCH /queues/{id}`: any subset of the fields. */
export type QueuePatch = Partial<Omit<Queue, 'id' | 'strategy'>> & { strategy?: QueueStrategy };

export const CHANNELS = ['VOICE', 'CHAT', 'EMAIL', 'CALLBACK', 'TASK'] as const;
export type Channel = (typeof CHANNELS)[number];
export type MaxConcurrent = Record<Channel, number>;

/** An agent as every user of the tenant may see them (`/agent-directory`): who to transfer to, who consults. */
export interface Colleague {
  id: string;
  name: string;
}

export interface Agent {
  /** Equals userId. */
  id: string;
  userId: string;
  skills: Skills;
  queueIds: string[];
  maxConcurrent: MaxConcurrent;
  sipUsername: string | null;
  /** The SIP password is write-only: the API only tells whether one is set. */
  hasSipPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAgentRequest {
  userId: string;
  skills?: Skills;
  queueIds?: string[];
  maxConcurrent?: Partial<MaxConcurrent>;
  sipUsername?: string;
  sipPassword?: string;
}

/** `PATCH /agents/{id}`: any subset; `sipUsername: null` with `sipPassword: null` removes the SIP login. */
export interface AgentPatch {
  skills?: Skills;
  queueIds?: string[];
  maxConcurrent?: Partial<MaxConcurrent>;
  sipUsername?: string | null;
  sipPassword?: string | null;
}

export const AGENT_STATES = ['OFFLINE', 'AVAILABLE', 'AWAY', 'RESERVED', 'RINGING', 'BUSY', 'WRAP_UP'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];

export interface AgentState {
  agentId: string;
  state: AgentStateName | string;
  reason: string | null;
  since: string;
  wrapUpUntil: string | null;
}

/** The states a person (the agent or a supervisor) may set; the others follow interactions. */
export interface SetAgentStateRequest {
  state: 'OFFLINE' | 'AVAILABLE' | 'AWAY';
  reason?: string;
}

export interface AwayReason {
  code: string;
  label: string;
}

export interface AwayReasons {
  items: AwayReason[];
}

// --- realtime ---------------------------------------------------------------------------------

export interface RealtimeQueue {
  queueId: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  /** Agents of the queue by state. */
  agents: Partial<Record<AgentStateName | string, number>>;
  /** 0..1 */
  serviceLevel: number | null;
  /** 0..1 */
  abandonmentRate: number | null;
  answered: number;
  abandoned: number;
  averageHandleSeconds: number | null;
}

export interface RealtimeAgent {
  agentId: string;
  state: AgentStateName | string;
  since: string;
  reason: string | null;
}

export interface RealtimeStats {
  at: string;
  queues: RealtimeQueue[];
  agents: RealtimeAgent[];
}

/** One message of the events WebSocket. */
export interface EventMessage<T = unknown> {
  type: string;
  tenantId?: string;
  at?: string;
  data: T;
}

export interface AgentStateChanged {
  agentId: string;
  from: AgentStateName | string | null;
  to: AgentStateName | string;
  reason: string | null;
}

// --- telephony: trunks, numbers, calls ----------------------------------------------------------

export const TRUNK_KINDS = ['CARRIER', 'PBX'] as const;
export type TrunkKind = (typeof TRUNK_KINDS)[number];

export const TRUNK_TRANSPORTS = ['UDP', 'TCP', 'TLS'] as const;
export type TrunkTransport = (typeof TRUNK_TRANSPORTS)[number];

/** A SIP trunk: a carrier's, or the tenant's own PBX. The password is write-only (`hasPassword`). */
export interface Trunk {
  id: string;
  name: string;
  kind: TrunkKind | string;
  host: string;
  port: number;
  transport: TrunkTransport | string;
  username: string | null;
  hasPassword: boolean;
  register: boolean;
  registerExpiresSeconds: number;
  /** Addresses or CIDR blocks inbound INVITEs are accepted from. */
  allowedIps: string[];
  /** `host` or `host:port`, tried in order after `host`. */
  failoverHosts: string[];
  /** E.164 caller id of outbound calls. */
  callerId: string | null;
  maxChannels: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /trunks`: name, kind and host are required; the rest take the server's defaults. */
export interface CreateTrunkRequest {
  name: string;
  kind: TrunkKind;
  host: string;
  port?: number;
  transport?: TrunkTransport;
  /** Given together with `password`. */
  username?: string;
  password?: string;
  register?: boolean;
  registerExpiresSeconds?: number;
  allowedIps?: string[];
  failoverHosts?: string[];
  callerId?: string;
  maxChannels?: number;
  enabled?: boolean;
}

/**
 * `PATCH /trunks/{id}`: any subset; absent fields stay. `username: null` with `password: null` removes the
 * credentials, `callerId: null` the caller id.
 */
export interface TrunkPatch {
  name?: string;
  kind?: TrunkKind;
  host?: string;
  port?: number;
  transport?: TrunkTransport;
  username?: string | null;
  password?: string | null;
  register?: boolean;
  registerExpiresSeconds?: number;
  allowedIps?: string[];
  failoverHosts?: string[];
  callerId?: string | null;
  maxChannels?: number;
  enabled?: boolean;
}

/** Where a number's calls go: a queue, or (not available yet) an IVR flow. */
export interface NumberTarget {
  type: 'QUEUE' | 'IVR' | string;
  queueId?: string;
  ivrFlowId?: string;
}

export interface PhoneNumber {
  id: string;
  /** E.164, such as +15551230000. */
  e164: string;
  name: string | null;
  trunkId: string | null;
  target: NumberTarget;
  createdAt: string;
  updatedAt: string;
}

/** Only queues can be targets until IVR flows are available. */
export interface QueueTarget {
  type: 'QUEUE';
  queueId: string;
}

export interface CreateNumberRequest {
  e164: string;
  name?: string;
  trunkId?: string;
  target: QueueTarget;
}

/** `PATCH /numbers/{id}`: any subset; `name` or `trunkId` null removes them. */
export interface NumberPatch {
  e164?: string;
  name?: string | null;
  trunkId?: string | null;
  target?: QueueTarget;
}

export const CALL_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export const CALL_DISPOSITIONS = ['ANSWERED', 'ABANDONED', 'NO_ANSWER', 'BUSY', 'FAILED', 'REFUSED'] as const;
export const HANGUP_SIDES = ['CALLER', 'AGENT', 'SYSTEM'] as const;

/** A call detail record. */
export interface CallRecord {
  id: string;
  direction: (typeof CALL_DIRECTIONS)[number] | string;
  /** The calling party as the gateway saw it (E.164, a SIP URI, anonymous). */
  from: string;
  to: string;
  numberId: string | null;
  trunkId: string | null;
  queueId: string | null;
  agentId: string | null;
  interactionId: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string;
  waitSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  disposition: (typeof CALL_DISPOSITIONS)[number] | string;
  hangupSide: (typeof HANGUP_SIDES)[number] | string;
  /** The final SIP status, such as 200, 486, 487. */
  sipCause: number;
  hasRecording: boolean;
  recordingUrl: string | null;
}

/** The filters of `GET /calls`. */
export interface CallFilter {
  agentId?: string;
  queueId?: string;
}

/** `POST /calls`: click-to-dial. */
export interface PlaceCallRequest {
  /** E.164. */
  to: string;
  /** The agent whose phone rings first (default: the caller). */
  agentId?: string;
  /** The caller id, one of the tenant's numbers. */
  from?: string;
}

export interface PlacedCall {
  id: string;
  state: 'DIALING' | string;
}

/** Whether a live call is being recorded (`PUT /calls/{id}/recording-state`). */
export interface CallRecordingState {
  callId: string;
  recording: boolean;
}

// --- the agent desktop: interactions and CRM contacts ------------------------------------------

/** `POST /interactions/{id}/complete`: both optional (disposition ≤ 100 characters, notes ≤ 4000). */
export interface CompleteInteractionRequest {
  disposition?: string;
  notes?: string;
}

/** An interaction (a call, chat, email …) as `/interactions` answers; absent fields have no value. */
export interface Interaction {
  id: string;
  channel: string;
  queueId: string;
  state: 'WAITING' | 'ROUTED' | 'CONNECTED' | 'COMPLETED' | 'ABANDONED' | 'UNANSWERED' | string;
  priority: number;
  from?: string;
  subject?: string;
  data: Record<string, string>;
  contact?: { id: string; name?: string; company?: string };
  agentId?: string;
  offeredTo: string[];
  createdAt: string;
  connectedAt?: string;
  endedAt?: string;
  disposition?: string;
  notes?: string;
  transfers: number;
}

/** A CRM contact (`GET /contacts/{id}`). */
export interface Contact {
  id: string;
  name: string;
  phones: string[];
  emails: string[];
  company?: string;
  fields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}
