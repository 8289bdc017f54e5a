import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { vi } from 'vitest';
import { App } from '../App';
import { ApiClient } from '../api/client';
import { ApiProvider } from '../api/context';
import { SessionStore, type Session } from '../api/session';
import { SoftphoneProvider, type SoftphoneLike } from '../agent/softphoneContext';
import { FakeSoftphone } from './fakeSoftphone';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, fields: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** A fetch that records every call and answers through `handler`. */
export function fakeFetch(handler: Handler) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      method: init?.method ?? 'GET',
      path: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('Authorization'),
    };
    calls.push(call);
    return handler(call);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

export const TOKENS = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  tenantId: 't-1',
  userId: 'u-1',
  roles: ['ADMIN'],
};

export function sessionWith(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + 900_000,
    tenantId: 't-1',
    userId: 'u-1',
    roles: ['ADMIN'],
    ...overrides,
  };
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/**
 * Renders the whole app at `path` against a fake API. The agent desktop gets `softphone` (a fresh
 * {@link FakeSoftphone} unless given), never a real WebSocket.
 */
export function renderApp(
  handler: Handler,
  { path = '/', session, softphone = new FakeSoftphone() }: { path?: string; session?: Session; softphone?: SoftphoneLike } = {},
) {
  const { fetch, calls } = fakeFetch(handler);
  const store = new SessionStore(window.sessionStorage);
  if (session) {
    store.set(session);
  }
  const client = new ApiClient({ session: store, fetch });
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <ApiProvider client={client}>
        <SoftphoneProvider factory={() => softphone}>
          <App />
          <LocationProbe />
        </SoftphoneProvider>
      </ApiProvider>
    </MemoryRouter>,
  );
  return { ...view, calls, store, client, softphone };
}
