import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './client';
import type { Session } from './session';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) {
    throw new Error('useApi outside ApiProvider');
  }
  return client;
}

/** The current session; re-renders when it starts, rotates or ends. */
export function useSession(): Session | null {
  const { session } = useApi();
  return useSyncExternalStore(session.subscribe, () => session.get());
}
