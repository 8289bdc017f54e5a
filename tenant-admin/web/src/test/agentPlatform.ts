import type { CallRecord } from '../api/types';
import { adminPlatform, page, type Route } from './adminPlatform';
import { json, renderApp, sessionWith } from './fakeApi';
import { FakeSoftphone } from './fakeSoftphone';

export const AWAY_REASONS = [
  { code: 'lunch', label: 'Lunch' },
  { code: 'training', label: 'Training' },
];

export const QUEUES = [
  { id: 'q-support', name: 'Support', strategy: 'LONGEST_IDLE' },
  { id: 'q-billing', name: 'Billing', strategy: 'LONGEST_IDLE' },
];

export function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'cdr-1',
    direction: 'INBOUND',
    from: '+15551230000',
    to: '+15559870000',
    numberId: null,
    trunkId: null,
    queueId: 'q-support',
    agentId: 'u-agent',
    interactionId: 'call-0',
    startedAt: '2026-03-01T10:00:00Z',
    answeredAt: '2026-03-01T10:00:10Z',
    endedAt: '2026-03-01T10:02:15Z',
    waitSeconds: 10,
    talkSeconds: 125,
    holdSeconds: 0,
    disposition: 'ANSWERED',
    hangupSide: 'CALLER',
    sipCause: 200,
    hasRecording: false,
    recordingUrl: null,
    ...overrides,
  };
}

export const CONTACT = {
  id: 'k-1',
  name: 'Jane Doe',
  phones: ['+15551230000'],
  emails: ['jane@globex.test'],
  company: 'Globex',
  fields: { tier: 'Gold', account: 'A-1001' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

/** The tenant's agents by name, as `/agent-directory` gives them to anyone (the agent themself included). */
export const COLLEAGUES = [
  { id: 'u-agent', name: 'Me Myself' },
  { id: 'u-bob', name: 'Bob Baker' },
  { id: 'u-cat', name: 'Cat Cole' },
];

/** The platform as the agent desktop sees it: away reasons, queues, colleagues, the agent's calls, a contact. */
export function agentApi(overrides: Record<string, Route> = {}, roles: string[] = ['AGENT']) {
  return adminPlatform(
    {
      'GET /api/v1/away-reasons': () => json(200, { items: AWAY_REASONS }),
      'GET /api/v1/queues': () => page(QUEUES),
      'GET /api/v1/agent-directory': () => page(COLLEAGUES),
      'GET /api/v1/calls': () => page([callRecord()]),
      'GET /api/v1/contacts/k-1': () => json(200, CONTACT),
      ...overrides,
    },
    roles,
  );
}

/** The desktop at /agent for a signed-in user with `roles`, on a fake softphone. */
export function renderDesktop(overrides: Record<string, Route> = {}, roles: string[] = ['AGENT']) {
  const softphone = new FakeSoftphone();
  const view = renderApp(agentApi(overrides, roles), {
    path: '/agent',
    session: sessionWith({ roles, userId: 'u-agent' }),
    softphone,
  });
  return { ...view, softphone };
}
