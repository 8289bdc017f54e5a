import { json, noContent, problem, type Call } from './fakeApi';

export const TENANT = {
  id: 't-acme',
  companyName: 'Acme Support',
  status: 'ACTIVE',
  seatsLeased: 5,
  plan: 'standard',
  createdAt: '2025-03-01T10:00:00Z',
};

export function meWith(roles: string[] = ['ADMIN']) {
  return { userId: 'u-ann', tenantId: 't-acme', email: 'ann@acme.test', name: 'Ann Admin', roles };
}

export type Route = (call: Call) => Response | Promise<Response>;

/** One page holding every item. */
export function page<T>(items: T[]): Response {
  return json(200, { items, next: null });
}

/**
 * A stand-in for the platform: `routes` keyed by `METHOD /path` (without the query) answer first,
 * then the tenant, the signed-in user with `roles`, and sign-out; anything else is a 404.
 */
export function adminPlatform(routes: Record<string, Route>, roles: string[] = ['ADMIN']) {
  return (call: Call): Response | Promise<Response> => {
    const key = `${call.method} ${call.path.split('?')[0]}`;
    const route = routes[key];
    if (route) return route(call);
    switch (key) {
      case 'GET /api/v1/tenant':
        return json(200, TENANT);
      case 'GET /api/v1/me':
        return json(200, meWith(roles));
      case 'POST /api/v1/auth/logout':
        return noContent();
      default:
        return problem(404, { detail: `no ${key}` });
    }
  };
}

/** The calls other than the shell's own (tenant, me). */
export function apiCalls(calls: Call[]): Call[] {
  return calls.filter((c) => c.path !== '/api/v1/tenant' && c.path !== '/api/v1/me');
}
