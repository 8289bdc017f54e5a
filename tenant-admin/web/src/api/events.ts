import { openWebSocket, reconnectDelay } from '@callisto/softphone';
import type { EventMessage } from './types';

/** `connecting`: a socket is being opened; `open`: events flow; `closed`: waiting to reconnect (or given up). */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface EventStreamOptions {
  /** The address to connect to, asked again before every attempt (the access token rotates); null to wait. */
  url: () => string | null;
  onMessage: (message: EventMessage) => void;
  onState?: (state: ConnectionState) => void;
  /** The first reconnect delay (1 s by default); doubles with every failed attempt. */
  initialDelayMs?: number;
  /** 30 s by default. */
  maxDelayMs?: number;
  /** 0..1, spreads the reconnects of many browsers after a server restart. */
  random?: () => number;
  /** The WebSocket class; the global one by default (looked up when connecting, so tests can stub it). */
  webSocket?: typeof WebSocket;
}

/** Parses one frame of the events WebSocket; null for anything that is not `{type, data}` JSON. */
export function parseEvent(raw: unknown): EventMessage | null {
  if (typeof raw !== 'string') {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      return value as EventMessage;
    }
  } catch {
    // not JSON: ignored
  }
  return null;
}

/**
 * The tenant's events WebSocket, kept open: when the socket closes it reconnects after a delay that
 * doubles from `initialDelayMs` up to `maxDelayMs` (with some jitter), and starts over from the
 * shortest delay once a connection has delivered a message (the server greets with `hello`).
 */
export class EventStream {
  private readonly options: EventStreamOptions;
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private running = false;
  private current: ConnectionState = 'closed';

  constructor(options: EventStreamOptions) {
    this.options = options;
  }

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
      try {
        socket.close(1000);
      } catch {
        // already closing
      }
    }
    this.setState('closed');
  }

  /** The delay before reconnect attempt `attempt` (0-based), without jitter. */
  delayFor(attempt: number): number {
    return reconnectDelay(attempt, this.options.initialDelayMs, this.options.maxDelayMs, () => 0);
  }

  private connect(): void {
    if (!this.running) {
      return;
    }
    const Impl = this.options.webSocket ?? (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    if (!Impl) {
      // no WebSockets here: stay closed; the page polls
      this.setState('closed');
      return;
    }
    const url = this.options.url();
    if (!url) {
      this.scheduleReconnect();
      return;
    }
    this.setState('connecting');
    const socket = openWebSocket(Impl, url);
    if (!socket) {
      // a malformed address: try again later
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket === socket) this.setState('open');
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      // the connection works: the next drop starts the backoff over
      this.attempt = 0;
      const message = parseEvent(event.data);
      if (message) this.options.onMessage(message);
    };
    socket.onerror = () => {
      // a close event follows
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.setState('closed');
    if (!this.running) {
      return;
    }
    const { initialDelayMs, maxDelayMs, random } = this.options;
    const delay = reconnectDelay(this.attempt, initialDelayMs, maxDelayMs, random);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private setState(state: ConnectionState): void {
    if (this.current !== state) {
      this.current = state;
      this.options.onState?.(state);
    }
  }
}
