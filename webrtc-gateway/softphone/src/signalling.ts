import { parseServerMessage, type ClientMessage, type ServerMessage } from './protocol.js';

export interface SignallingOptions {
  url: () => string | null;
  webSocket?: typeof WebSocket;
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  pingIntervalMs?: number;
  /** What `hello` says about the device. */
  device?: string;
}

/** What the socket went through: opening (hello follows once open), or closed (and whether it retries). */
export type SignallingStatus =
  | { state: 'connecting' }
  | { state: 'closed'; retryInMs: number | null; closeCode?: number };

export interface SignallingHandlers {
  message: (message: ServerMessage) => void;
  status: (status: SignallingStatus) => void;
}

const DEFAULT_INITIAL_DELAY_MS = 1_000;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_PING_MS = 20_000;
/** Close codes after which reconnecting cannot help: replaced by another connection, policy (not an agent). */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([4000, 1008]);

/**
 * The signalling WebSocket, kept open: `hello` on every open; on an unexpected close a reconnect after a delay that
 * doubles from `initialDelayMs` up to `maxDelayMs` with up to 20 % jitter (the owner starts the backoff over once a
 * connection works); a `ping` every `pingIntervalMs`, and a connection that answered nothing since the last ping
 * is treated as lost. Frames that are not well-formed messages are dropped here.
 */
export class Signalling {
  private socket: WebSocket | null = null;
  private helloSent = false;
  private active = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private awaitingPong = false;

  constructor(
    private readonly options: SignallingOptions,
    private readonly handlers: SignallingHandlers,
  ) {}

  /** Whether it is connected or trying to be (between `start` and `stop`, unless closed for good). */
  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.attempt = 0;
    this.open();
  }

  stop(): void {
    this.active = false;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.stopPing();
    const socket = this.socket;
    this.socket = null;
    this.helloSent = false;
    if (socket) {
      detach(socket);
      try {
        socket.close(1000);
      } catch {
        // already closing
      }
    }
  }

  /** The connection works: the next drop starts the backoff over. */
  resetBackoff(): void {
    this.attempt = 0;
  }

  /** The reconnect delay of attempt `attempt` (0-based), without jitter. */
  delayFor(attempt: number): number {
    return reconnectDelay(attempt, this.options.initialDelayMs, this.options.maxDelayMs, noJitter);
  }

  /** Sends a message when the socket is open and greeted; false when it could not. */
  send(message: ClientMessage): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== 1 || (!this.helloSent && message.type !== 'hello')) return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  private open(): void {
    if (!this.active) return;
    const Impl = this.options.webSocket ?? (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    const url = Impl ? this.options.url() : null;
    if (!Impl || !url) {
      this.scheduleReconnect();
      return;
    }
    this.handlers.status({ state: 'connecting' });
    const socket = openWebSocket(Impl, url);
    if (!socket) return this.scheduleReconnect();
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.helloSent = true;
      this.send(this.options.device ? { type: 'hello', device: this.options.device } : { type: 'hello' });
      this.startPing();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      this.awaitingPong = false;
      const message = parseServerMessage(event.data);
      // bad frames are ignored
      if (message) this.handlers.message(message);
    };
    socket.onerror = () => {
      // a close event follows
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.lost(event.code);
    };
  }

  /** The socket is gone (closed by the gateway or the network, or found dead): reconnect unless it was final. */
  private lost(code: number | undefined): void {
    const socket = this.socket;
    this.socket = null;
    this.helloSent = false;
    this.stopPing();
    if (socket) {
      detach(socket);
      if (code === undefined) {
        try {
          socket.close(4001, 'no pong');
        } catch {
          // closing anyway
        }
      }
    }
    if (code !== undefined && FINAL_CLOSE_CODES.has(code)) {
      this.active = false;
      this.handlers.status({ state: 'closed', retryInMs: null, closeCode: code });
      return;
    }
    this.scheduleReconnect(code);
  }

  private scheduleReconnect(closeCode?: number): void {
    if (!this.active) {
      this.handlers.status({ state: 'closed', retryInMs: null, closeCode });
      return;
    }
    const { initialDelayMs, maxDelayMs, random } = this.options;
    const delay = reconnectDelay(this.attempt, initialDelayMs, maxDelayMs, random);
    this.attempt += 1;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.open();
    }, delay);
    this.handlers.status({ state: 'closed', retryInMs: delay, closeCode });
  }

  private startPing(): void {
    this.stopPing();
    const every = this.options.pingIntervalMs ?? DEFAULT_PING_MS;
    if (every <= 0) return;
    this.pingTimer = setInterval(() => {
      if (this.awaitingPong) {
        // nothing came back since the last ping: the connection is dead even if the socket does not know yet
        this.lost(undefined);
        return;
      }
      this.awaitingPong = this.send({ type: 'ping' });
    }, every);
  }

  private stopPing(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.awaitingPong = false;
  }
}

const noJitter = () => 0;

/**
 * The delay before reconnect attempt `attempt` (0-based), in whole milliseconds: `initial` doubled with every failed
 * attempt up to `max`, plus up to 20 % jitter from `random` (0..1), which spreads the reconnects of many browsers
 * after a server restart; `() => 0` for the delay without jitter.
 */
export function reconnectDelay(
  attempt: number,
  initial: number = DEFAULT_INITIAL_DELAY_MS,
  max: number = DEFAULT_MAX_DELAY_MS,
  random: () => number = Math.random,
): number {
  return Math.round(Math.min(max, initial * 2 ** Math.min(attempt, 30)) * (1 + 0.2 * random()));
}

/** A WebSocket to `url`, or null when the constructor throws (a malformed address, a blocked port). */
export function openWebSocket(Impl: typeof WebSocket, url: string): WebSocket | null {
  try {
    return new Impl(url);
  } catch {
    return null;
  }
}

function detach(socket: WebSocket): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
}
