/** Where a signed-in user lands: the admin console for admins and supervisors, the agent desktop otherwise. */
export function homeFor(roles: readonly string[]): string {
  return roles.includes('ADMIN') || roles.includes('SUPERVISOR') ? '/admin' : '/agent';
}

import type { Role } from './api/types';

/** The admin console's sections, in navigation order. Overview is /admin itself. */
export interface Section {
  id: string;
  label: string;
  path: string;
  /** What the section will hold, for sections later releases fill. */
  blurb?: string;
  /** Shown to admins only (the server refuses the others). */
  adminOnly?: boolean;
  /** Shown only to users with one of these roles (the server shows the others less, or nothing). */
  roles?: readonly Role[];
}

/** Whether a user with `roles` sees the section in the navigation. */
export function visibleTo(section: Section, roles: readonly string[]): boolean {
  if (section.adminOnly && !roles.includes('ADMIN')) return false;
  return !section.roles || section.roles.some((r) => roles.includes(r));
}

export const SECTIONS: readonly Section[] = [
  { id: 'seats', label: 'Seats', path: '/admin/seats' },
  { id: 'users', label: 'Users', path: '/admin/users' },
  { id: 'agents', label: 'Agents', path: '/admin/agents' },
  { id: 'queues', label: 'Queues', path: '/admin/queues' },
  { id: 'realtime', label: 'Realtime', path: '/admin/realtime' },
  { id: 'calls', label: 'Calls', path: '/admin/calls', roles: ['ADMIN', 'SUPERVISOR'] },
  { id: 'numbers', label: 'Numbers & Trunks', path: '/admin/numbers' },
  {
    id: 'ivr',
    label: 'IVR',
    path: '/admin/ivr',
    blurb: 'The voice menus that answer your numbers will be designed here.',
  },
  {
    id: 'crm',
    label: 'CRM',
    path: '/admin/crm',
    blurb: 'Connections to your CRM, for caller lookup and call logging, will be set up here.',
  },
  {
    id: 'reports',
    label: 'Reports',
    path: '/admin/reports',
    blurb: 'Reports on call volumes, service levels and agent activity will appear here.',
  },
  { id: 'billing', label: 'Billing', path: '/admin/billing', adminOnly: true },
];
