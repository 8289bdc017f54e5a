import type { TokenResponse } from './types';

/** The signed-in user's tokens and identity, as the last token answer gave them. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is expired (a hint only: the server decides). */
  expiresAt: number;
  tenantId: string;
  userId: string;
  roles: string[];
}

export function sessionFrom(tokens: TokenResponse, now: number = Date.now()): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + Math.max(0, tokens.expiresIn) * 1000,
    tenantId: tokens.tenantId,
    userId: tokens.userId,
    roles: [...(tokens.roles ?? [])],
  };
}

export type SessionEndReason = 'logout' | 'expired';

type Listener = () => void;

const STORAGE_KEY = 'callisto.session';

/**
 * Keeps the session in memory and mirrors it to sessionStorage, so that a reload of the tab stays
 * signed in while a new tab or a closed browser does not. Components subscribe to it
 * (useSyncExternalStore); the API client updates it when tokens rotate and clears it when they die.
 */
export class SessionStore {
  private current: Session | null;
  private reason: SessionEndReason | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null = safeSessionStorage()) {
    this.current = this.load();
  }

  get(): Session | null {
    return this.current;
  }

  /** Why the last session ended, until a new one starts. */
  endReason(): SessionEndReason | null {
    return this.reason;
  }

  set(session: Session): void {
    this.current = session;
    this.reason = null;
    this.save();
    this.emit();
  }

  clear(reason: SessionEndReason = 'logout'): void {
    if (this.current === null && this.reason === reason) {
      return;
    }
    this.current = null;
    this.reason = reason;
    this.save();
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private emit(): void {
    for (const l of [...this.listeners]) {
      l();
    }
  }

  private load(): Session | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) {
        return null;
      }
      const s = JSON.parse(raw) as Partial<Session>;
      if (typeof s.accessToken === 'string' && typeof s.refreshToken === 'string') {
        return {
          accessToken: s.accessToken,
          refreshToken: s.refreshToken,
          expiresAt: typeof s.expiresAt === 'number' ? s.expiresAt : 0,
          tenantId: String(s.tenantId ?? ''),
          userId: String(s.userId ?? ''),
          roles: Array.isArray(s.roles) ? s.roles.map(String) : [],
        };
      }
    } catch {
      // unreadable: start signed out
    }
    return null;
  }

  private save(): void {
    try {
      if (this.current) {
        this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.current));
      } else {
        this.storage?.removeItem(STORAGE_KEY);
      }
    } catch {
      // storage full or denied: the session still lives in memory for this page
    }
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}
