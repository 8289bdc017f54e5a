import { ApiError, readProblem, toProblem } from './problem';
import { SessionStore, sessionFrom, type Session } from './session';
import type {
  Agent,
  AgentPatch,
  AgentState,
  AwayReason,
  AwayReasons,
  Billing,
  CallFilter,
  CallRecord,
  Colleague,
  CompleteInteractionRequest,
  Contact,
  CreateAgentRequest,
  CreateNumberRequest,
  CreateQueueRequest,
  CreateTrunkRequest,
  CreateUserRequest,
  Interaction,
  Me,
  NumberPatch,
  Page,
  PhoneNumber,
  PlaceCallRequest,
  PlacedCall,
  CallRecordingState,
  Queue,
  QueuePatch,
  RealtimeStats,
  RedirectUrl,
  Seats,
  SetAgentStateRequest,
  SignupRequest,
  SignupResponse,
  Tenant,
  TokenRequest,
  TokenResponse,
  Trunk,
  TrunkPatch,
  User,
} from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Send the access token, and on 401 refresh it once and retry. Default true. */
  auth?: boolean;
  signal?: AbortSignal;
  /** The Accept header; JSON (and problem+json) by default. */
  accept?: string;
}

export interface ApiClientOptions {
  session: SessionStore;
  /** The fetch to use; the global one by default (tests pass their own). */
  fetch?: typeof fetch;
  /** Where the API lives; same origin by default. */
  baseUrl?: string;
}

/**
 * The Callisto REST API v1, as this app uses it. Sends the access token; when a call answers 401 it
 * refreshes the tokens once (concurrent calls share one refresh, since the refresh token rotates) and
 * retries; when the refresh fails the session is cleared, which sends the app to /login.
 * Every failure is thrown as an {@link ApiError} holding the problem+json the server sent.
 */
export class ApiClient {
  readonly session: SessionStore;
  private readonly fetchFn: typeof fetch;
  private readonly baseUrl: string;
  private refreshing: Promise<Session | null> | null = null;

  constructor(options: ApiClientOptions) {
    this.session = options.session;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
  }

  // --- endpoints -------------------------------------------------------------------------------

  signup(request: SignupRequest): Promise<SignupResponse> {
    return this.request<SignupResponse>('POST', '/signup', { body: request, auth: false });
  }

  /** Signs in and starts the session. */
  async login(request: TokenRequest): Promise<Session> {
    const body: TokenRequest = { email: request.email, password: request.password };
    if (request.tenantId && request.tenantId.trim() !== '') {
      body.tenantId = request.tenantId.trim();
    }
    const tokens = await this.request<TokenResponse>('POST', '/auth/token', { body, auth: false });
    const session = sessionFrom(tokens);
    this.session.set(session);
    return session;
  }

  /** Revokes the refresh token (best effort) and ends the session whatever the server answers. */
  async logout(): Promise<void> {
    const current = this.session.get();
    try {
      if (current) {
        await this.send('POST', '/auth/logout', { refreshToken: current.refreshToken }, current.accessToken);
      }
    } catch {
      // the server may be gone; signing out locally is what matters to the user
    } finally {
      this.session.clear('logout');
    }
  }

  tenant(signal?: AbortSignal): Promise<Tenant> {
    return this.request<Tenant>('GET', '/tenant', { signal });
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.request<Me>('GET', '/me', { signal });
  }

  seats(signal?: AbortSignal): Promise<Seats> {
    return this.request<Seats>('GET', '/seats', { signal });
  }

  /** Changes the lease (ADMIN); 409 when lowering it below the seats in use. */
  setSeats(leased: number): Promise<Seats> {
    return this.request<Seats>('PUT', '/seats', { body: { leased } });
  }

  /** Plan, status, seats, usage, invoices (ADMIN). */
  billing(signal?: AbortSignal): Promise<Billing> {
    return this.request<Billing>('GET', '/billing', { signal });
  }

  /** A Stripe Customer Portal session (ADMIN); 409 when billing is disabled. */
  billingPortal(): Promise<RedirectUrl> {
    return this.request<RedirectUrl>('POST', '/billing/portal');
  }

  /** A Stripe Checkout session to pay for a tenant still PENDING_PAYMENT (ADMIN); 409 otherwise. */
  billingCheckout(): Promise<RedirectUrl> {
    return this.request<RedirectUrl>('POST', '/billing/checkout');
  }

  listUsers(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<User>> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (after) {
      q.set('after', after);
    }
    return this.request<Page<User>>('GET', `/users?${q.toString()}`, { signal });
  }

  createUser(request: CreateUserRequest): Promise<User> {
    return this.request<User>('POST', '/users', { body: request });
  }

  deleteUser(id: string): Promise<void> {
    return this.request<void>('DELETE', `/users/${encodeURIComponent(id)}`);
  }

  /** Every user, following the cursor page by page. */
  allUsers(signal?: AbortSignal): Promise<User[]> {
    return collectAll((after) => this.listUsers(after, ALL_PAGE_SIZE, signal));
  }

  listQueues(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<Queue>> {
    return this.request<Page<Queue>>('GET', `/queues?${pageQuery(after, limit)}`, { signal });
  }

  /** Every queue, following the cursor page by page. */
  allQueues(signal?: AbortSignal): Promise<Queue[]> {
    return collectAll((after) => this.listQueues(after, ALL_PAGE_SIZE, signal));
  }

  createQueue(request: CreateQueueRequest): Promise<Queue> {
    return this.request<Queue>('POST', '/queues', { body: request });
  }

  updateQueue(id: string, patch: QueuePatch): Promise<Queue> {
    return this.request<Queue>('PATCH', `/queues/${encodeURIComponent(id)}`, { body: patch });
  }

  deleteQueue(id: string): Promise<void> {
    return this.request<void>('DELETE', `/queues/${encodeURIComponent(id)}`);
  }

  listAgents(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<Agent>> {
    return this.request<Page<Agent>>('GET', `/agents?${pageQuery(after, limit)}`, { signal });
  }

  /** Every agent, following the cursor page by page. */
  allAgents(signal?: AbortSignal): Promise<Agent[]> {
    return collectAll((after) => this.listAgents(after, ALL_PAGE_SIZE, signal));
  }

  listAgentDirectory(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<Colleague>> {
    return this.request<Page<Colleague>>('GET', `/agent-directory?${pageQuery(after, limit)}`, { signal });
  }

  /** Every agent's id and name (any role may read them), following the cursor page by page. */
  allColleagues(signal?: AbortSignal): Promise<Colleague[]> {
    return collectAll((after) => this.listAgentDirectory(after, ALL_PAGE_SIZE, signal));
  }

  createAgent(request: CreateAgentRequest): Promise<Agent> {
    return this.request<Agent>('POST', '/agents', { body: request });
  }

  updateAgent(id: string, patch: AgentPatch): Promise<Agent> {
    return this.request<Agent>('PATCH', `/agents/${encodeURIComponent(id)}`, { body: patch });
  }

  deleteAgent(id: string): Promise<void> {
    return this.request<void>('DELETE', `/agents/${encodeURIComponent(id)}`);
  }

  agentState(id: string, signal?: AbortSignal): Promise<AgentState> {
    return this.request<AgentState>('GET', `/agents/${encodeURIComponent(id)}/state`, { signal });
  }

  setAgentState(id: string, request: SetAgentStateRequest): Promise<AgentState> {
    return this.request<AgentState>('PUT', `/agents/${encodeURIComponent(id)}/state`, { body: request });
  }

  /** Ends the agent's wrap-up before its time is up (the agent themself, ADMIN, SUPERVISOR). */
  finishWrapUp(agentId: string): Promise<AgentState> {
    return this.request<AgentState>('POST', `/agents/${encodeURIComponent(agentId)}/wrap-up/finish`);
  }

  /**
   * Completes an interaction (a call's id is its interaction's id) with the agent's disposition and notes; 409
   * `not-connected` when the caller is not the agent connected to it.
   */
  completeInteraction(id: string, request: CompleteInteractionRequest = {}): Promise<Interaction> {
    const body: CompleteInteractionRequest = {};
    if (request.disposition && request.disposition.trim() !== '') body.disposition = request.disposition.trim();
    if (request.notes && request.notes.trim() !== '') body.notes = request.notes.trim();
    return this.request<Interaction>('POST', `/interactions/${encodeURIComponent(id)}/complete`, { body });
  }

  /** One CRM contact (any role). */
  contact(id: string, signal?: AbortSignal): Promise<Contact> {
    return this.request<Contact>('GET', `/contacts/${encodeURIComponent(id)}`, { signal });
  }

  awayReasons(signal?: AbortSignal): Promise<AwayReasons> {
    return this.request<AwayReasons>('GET', '/away-reasons', { signal });
  }

  saveAwayReasons(items: AwayReason[]): Promise<AwayReasons> {
    return this.request<AwayReasons>('PUT', '/away-reasons', { body: { items } });
  }

  realtimeStats(signal?: AbortSignal): Promise<RealtimeStats> {
    return this.request<RealtimeStats>('GET', '/stats/realtime', { signal });
  }

  listTrunks(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<Trunk>> {
    return this.request<Page<Trunk>>('GET', `/trunks?${pageQuery(after, limit)}`, { signal });
  }

  /** Every trunk, following the cursor page by page. */
  allTrunks(signal?: AbortSignal): Promise<Trunk[]> {
    return collectAll((after) => this.listTrunks(after, ALL_PAGE_SIZE, signal));
  }

  /** Connects a trunk (ADMIN); 409 `duplicate-trunk-name`. */
  createTrunk(request: CreateTrunkRequest): Promise<Trunk> {
    return this.request<Trunk>('POST', '/trunks', { body: request });
  }

  updateTrunk(id: string, patch: TrunkPatch): Promise<Trunk> {
    return this.request<Trunk>('PATCH', `/trunks/${encodeURIComponent(id)}`, { body: patch });
  }

  /** Deletes a trunk (ADMIN); 409 `trunk-in-use` while a number uses it. */
  deleteTrunk(id: string): Promise<void> {
    return this.request<void>('DELETE', `/trunks/${encodeURIComponent(id)}`);
  }

  listNumbers(after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<PhoneNumber>> {
    return this.request<Page<PhoneNumber>>('GET', `/numbers?${pageQuery(after, limit)}`, { signal });
  }

  /** Every phone number, following the cursor page by page. */
  allNumbers(signal?: AbortSignal): Promise<PhoneNumber[]> {
    return collectAll((after) => this.listNumbers(after, ALL_PAGE_SIZE, signal));
  }

  /** Takes a number (ADMIN); 409 `number-taken` when any tenant has it. */
  createNumber(request: CreateNumberRequest): Promise<PhoneNumber> {
    return this.request<PhoneNumber>('POST', '/numbers', { body: request });
  }

  updateNumber(id: string, patch: NumberPatch): Promise<PhoneNumber> {
    return this.request<PhoneNumber>('PATCH', `/numbers/${encodeURIComponent(id)}`, { body: patch });
  }

  deleteNumber(id: string): Promise<void> {
    return this.request<void>('DELETE', `/numbers/${encodeURIComponent(id)}`);
  }

  /** Call detail records, newest first, optionally of one agent and/or one queue. */
  listCalls(filter: CallFilter = {}, after?: string | null, limit = 50, signal?: AbortSignal): Promise<Page<CallRecord>> {
    const q = new URLSearchParams();
    if (filter.agentId) q.set('agentId', filter.agentId);
    if (filter.queueId) q.set('queueId', filter.queueId);
    q.set('limit', String(limit));
    if (after) q.set('after', after);
    return this.request<Page<CallRecord>>('GET', `/calls?${q.toString()}`, { signal });
  }

  /**
   * A call's recording (WAV) as a Blob: fetched with the access token, which an `<audio src>` or a plain
   * link could not send. 404 when the call has none.
   */
  callRecording(id: string, signal?: AbortSignal): Promise<Blob> {
    return this.blob(`/calls/${encodeURIComponent(id)}/recording`, { signal, accept: 'audio/wav, audio/*, application/problem+json' });
  }

  /** Click-to-dial: rings the agent's SIP phone, then calls `to`; 409 with a code when it cannot. */
  placeCall(request: PlaceCallRequest): Promise<PlacedCall> {
    return this.request<PlacedCall>('POST', '/calls', { body: request });
  }

  /** Starts or stops recording a live call (`PUT /calls/{id}/recording-state`). */
  setCallRecording(id: string, recording: boolean): Promise<CallRecordingState> {
    return this.request<CallRecordingState>('PUT', `/calls/${encodeURIComponent(id)}/recording-state`, {
      body: { recording },
    });
  }

  /**
   * The address of the events WebSocket for the current access token (browsers cannot send headers
   * on a WebSocket, so the token travels as `access_token`); null when signed out.
   */
  eventsUrl(): string | null {
    return this.socketUrl('/events');
  }

  /** The address of the softphone signalling WebSocket (the agent desktop's SDK), like {@link eventsUrl}. */
  softphoneUrl(): string | null {
    return this.socketUrl('/softphone');
  }

  private socketUrl(endpoint: string): string | null {
    const session = this.session.get();
    if (!session) {
      return null;
    }
    const path = `${this.baseUrl}${endpoint}?access_token=${encodeURIComponent(session.accessToken)}`;
    if (/^https?:\/\//i.test(path)) {
      return path.replace(/^http/i, 'ws');
    }
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
  }

  // --- plumbing --------------------------------------------------------------------------------

  /** One API call; resolves to the parsed JSON body (undefined for 204), rejects with an ApiError. */
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.exchange(method, path, options);
    return (await readBody(response)) as T;
  }

  /** A GET of binary content (a recording); resolves to the body as a Blob, rejects with an ApiError. */
  async blob(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<Blob> {
    const response = await this.exchange('GET', path, { accept: '*/*', ...options });
    try {
      return await response.blob();
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ApiError(toProblem(0, undefined));
    }
  }

  /** Sends a call with the access token (refreshing it once on 401); the successful response, else an ApiError. */
  private async exchange(method: Method, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth ?? true;
    const sent = auth ? this.session.get() : null;
    let response = await this.send(method, path, options.body, sent?.accessToken, options.signal, options.accept);
    if (response.status === 401 && auth && sent) {
      const renewed = await this.renew(sent);
      if (renewed) {
        response = await this.send(method, path, options.body, renewed.accessToken, options.signal, options.accept);
        if (response.status === 401) {
          // a fresh token refused: the session is no good
          this.session.clear('expired');
        }
      }
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    return response;
  }

  /**
   * New tokens after `stale` was refused. When another call already renewed them, uses those;
   * otherwise runs one refresh shared by every concurrent caller. Null when the session is over.
   */
  private async renew(stale: Session): Promise<Session | null> {
    const current = this.session.get();
    if (!current) {
      return null;
    }
    if (current.accessToken !== stale.accessToken) {
      return current;
    }
    if (!this.refreshing) {
      this.refreshing = this.refresh(current.refreshToken).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<Session | null> {
    // An unreachable server throws here: the session is kept and the caller sees the network error.
    const response = await this.send('POST', '/auth/refresh', { refreshToken });
    if (!response.ok) {
      this.session.clear('expired');
      return null;
    }
    const tokens = (await readBody(response)) as TokenResponse;
    const session = sessionFrom(tokens);
    this.session.set(session);
    return session;
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    accessToken?: string,
    signal?: AbortSignal,
    accept = 'application/json, application/problem+json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (accessToken) {
      headers.Authorization = `Bearer ${accessToken}`;
    }
    try {
      return await this.fetchFn(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError(toProblem(0, undefined));
    }
  }
}

/** How many items a page asks for when a screen needs the whole collection. */
const ALL_PAGE_SIZE = 100;
/** A guard against a server whose cursor never ends. */
const MAX_PAGES = 100;

function pageQuery(after: string | null | undefined, limit: number): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (after) {
    q.set('after', after);
  }
  return q.toString();
}

/** Follows `next` from the first page to the last and returns all the items. */
export async function collectAll<T>(page: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const p: Page<T> = await page(after);
    items.push(...p.items);
    if (!p.next || p.next === after) {
      break;
    }
    after = p.next;
  }
  return items;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(toProblem(response.status, { detail: 'The server sent an answer this app cannot read.' }));
  }
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}
