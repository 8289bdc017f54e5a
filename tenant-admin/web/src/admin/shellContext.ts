import { useOutletContext } from 'react-router';
import type { Me, Tenant } from '../api/types';

/** What the admin shell has loaded, handed to the section pages. */
export interface ShellContext {
  tenant: Tenant;
  me: Me;
  /** Loads the tenant again (e.g. after a change to seats). */
  reloadTenant: () => void;
}

export function useShell(): ShellContext {
  return useOutletContext<ShellContext>();
}

export function isAdmin(me: Me): boolean {
  return me.roles.includes('ADMIN');
}
