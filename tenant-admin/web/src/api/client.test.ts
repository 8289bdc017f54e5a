import { describe, expect, it } from 'vitest';
import { fakeFetch, json, noContent, problem, sessionWith, TOKENS, type Call } from '../test/fakeApi';
import { ApiClient } from './client';
import { ApiError } from './problem';
import { SessionStore } from './session';

const TENANT = { id: 't-1', companyName: 'Acme', status: 'ACTIVE', seatsLeased: 3, plan: null, createdAt: '2025-01-01T00:00:00Z' };

function clientWith(handler: (call: Call) => Response | Promise<Response>, signedIn = true) {
  const { fetch, calls } = fakeFetch(handler);
  const session = new SessionStore(window.sessionStorage);
  if (signedIn) {
    session.set(sessionWith());
  }
  return { client: new ApiClient({ session, fetch }), calls, session };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('ApiClient', () => {
  it('sends the access token and parses the JSON answer', async () => {
    const { client, calls } = clientWith(() => json(200, TENANT));
    await expect(client.tenant()).resolves.toEqual(TENANT);
    expect(calls).toEqual([{ method: 'GET', path: '/api/v1/tenant', body: undefined, authorization: 'Bearer access-1' }]);
  });

  it('refreshes once on 401, retries with the new token and keeps the rotated refresh token', async () => {
    const { client, calls, session } = clientWith((call) => {
      if (call.path === '/api/v1/auth/refresh') {
        return json(200, { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' });
      }
      return call.authorization === 'Bearer access-2' ? json(200, TENANT) : problem(401, { detail: 'token expired' });
    });

    await expect(client.tenant()).resolves.toEqual(TENANT);

    expect(calls.map((c) => `${c.method} ${c.path} ${c.authorization ?? '-'}`)).toEqual([
      'GET /api/v1/tenant Bearer access-1',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/tenant Bearer access-2',
    ]);
    expect(calls[1].body).toEqual({ refreshToken: 'refresh-1' });
    expect(session.get()?.accessToken).toBe('access-2');
    expect(session.get()?.refreshToken).toBe('refresh-2');
    // a reload of the tab finds the rotated tokens
    expect(new SessionStore(window.sessionStorage).get()?.refreshToken).toBe('refresh-2');
  });

  it('shares one refresh between concurrent calls refused at once', async () => {
    let refreshes = 0;
    const { client, calls } = clientWith(async (call) => {
      if (call.path === '/api/v1/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' });
      }
      if (call.authorization !== 'Bearer access-2') {
        return problem(401, { detail: 'token expired' });
      }
      return call.path === '/api/v1/me'
        ? json(200, { userId: 'u-1', tenantId: 't-1', email: 'a@acme.test', name: 'Ann', roles: ['ADMIN'] })
        : json(200, TENANT);
    });

    const [tenant, me] = await Promise.all([client.tenant(), client.me()]);

    expect(tenant.companyName).toBe('Acme');
    expect(me.name).toBe('Ann');
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.authorization === 'Bearer access-2')).toHaveLength(2);
  });

  it('ends the session when the refresh is refused, and throws the original 401', async () => {
    const { client, calls, session } = clientWith((call) =>
      call.path === '/api/v1/auth/refresh'
        ? problem(401, { detail: 'refresh token revoked', code: 'unauthenticated' })
        : problem(401, { detail: 'token expired', code: 'unauthenticated' }),
    );

    const error = await caught(client.tenant());

    expect(error.status).toBe(401);
    expect(error.problem.detail).toBe('token expired');
    expect(calls).toHaveLength(2);
    expect(session.get()).toBeNull();
    expect(session.endReason()).toBe('expired');
    expect(window.sessionStorage.getItem('callisto.session')).toBeNull();
  });

  it('ends the session when even a fresh token is refused, without looping', async () => {
    const { client, calls, session } = clientWith((call) =>
      call.path === '/api/v1/auth/refresh'
        ? json(200, { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' })
        : problem(401, { detail: 'no' }),
    );
    const error = await caught(client.tenant());
    expect(error.status).toBe(401);
    expect(calls).toHaveLength(3);
    expect(session.get()).toBeNull();
  });

  it('does not refresh for calls made without a session', async () => {
    const { client, calls } = clientWith(() => problem(401, { detail: 'Wrong email or password.' }), false);
    const error = await caught(client.login({ email: 'a@acme.test', password: 'nope' }));
    expect(error.problem.detail).toBe('Wrong email or password.');
    expect(calls).toHaveLength(1);
    expect(calls[0].authorization).toBeNull();
  });

  it('throws problem+json errors with their code and field errors', async () => {
    const { client } = clientWith(() =>
      problem(400, {
        title: 'Invalid input',
        detail: 'The user is not valid.',
        code: 'invalid-input',
        errors: [{ field: 'password', message: 'must be at least 10 characters' }],
      }),
    );
    const error = await caught(client.createUser({ email: 'b@acme.test', name: 'Bo', password: 'short', roles: ['AGENT'] }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('The user is not valid.');
    expect(error.fieldErrors()).toEqual({ password: 'must be at least 10 characters' });
  });

  it('reports an unreachable server as status 0', async () => {
    const { client } = clientWith(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(client.tenant());
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('signs in without a token, omits a blank tenant and starts the session', async () => {
    const { client, calls, session } = clientWith(() => json(200, TOKENS), false);
    await client.login({ email: 'a@acme.test', password: 'Str0ng-Passw0rd!', tenantId: '  ' });
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/api/v1/auth/token',
      body: { email: 'a@acme.test', password: 'Str0ng-Passw0rd!' },
      authorization: null,
    });
    expect(session.get()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', tenantId: 't-1', roles: ['ADMIN'] });
  });

  it('revokes the refresh token on logout and signs out even when the server fails', async () => {
    const ok = clientWith(() => noContent());
    await ok.client.logout();
    expect(ok.calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout', body: { refreshToken: 'refresh-1' } });
    expect(ok.session.get()).toBeNull();
    expect(ok.session.endReason()).toBe('logout');

    const down = clientWith(() => {
      throw new TypeError('Failed to fetch');
    });
    await down.client.logout();
    expect(down.session.get()).toBeNull();
  });

  it('pages users with a cursor and deletes by id', async () => {
    const { client, calls } = clientWith((call) =>
      call.method === 'DELETE' ? noContent() : json(200, { items: [], next: null }),
    );
    await client.listUsers(null);
    await client.listUsers('cursor/2=');
    await expect(client.deleteUser('u 7')).resolves.toBeUndefined();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/users?limit=50',
      'GET /api/v1/users?limit=50&after=cursor%2F2%3D',
      'DELETE /api/v1/users/u%207',
    ]);
  });

  it('follows the cursor to collect a whole collection', async () => {
    const { client, calls } = clientWith((call) => {
      const after = new URL(call.path, 'http://x').searchParams.get('after');
      if (!after) return json(200, { items: [{ id: 'q-1' }, { id: 'q-2' }], next: 'q-2' });
      return json(200, { items: [{ id: 'q-3' }], next: null });
    });
    await expect(client.allQueues()).resolves.toEqual([{ id: 'q-1' }, { id: 'q-2' }, { id: 'q-3' }]);
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/queues?limit=100', '/api/v1/queues?limit=100&after=q-2']);
  });

  it('sends queue, agent, state and away-reason changes with their bodies', async () => {
    const { client, calls } = clientWith((call) => (call.method === 'DELETE' ? noContent() : json(200, {})));
    await client.createQueue({ name: 'Sales', strategy: 'SKILLS' });
    await client.updateQueue('q/1', { overflowQueueId: null });
    await client.deleteQueue('q/1');
    await client.createAgent({ userId: 'u-1' });
    await client.updateAgent('u-1', { sipUsername: null, sipPassword: null });
    await client.deleteAgent('u-1');
    await client.setAgentState('u-1', { state: 'AWAY', reason: 'LUNCH' });
    await client.saveAwayReasons([{ code: 'LUNCH', label: 'Lunch' }]);
    expect(calls.map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      ['POST /api/v1/queues', { name: 'Sales', strategy: 'SKILLS' }],
      ['PATCH /api/v1/queues/q%2F1', { overflowQueueId: null }],
      ['DELETE /api/v1/queues/q%2F1', undefined],
      ['POST /api/v1/agents', { userId: 'u-1' }],
      ['PATCH /api/v1/agents/u-1', { sipUsername: null, sipPassword: null }],
      ['DELETE /api/v1/agents/u-1', undefined],
      ['PUT /api/v1/agents/u-1/state', { state: 'AWAY', reason: 'LUNCH' }],
      ['PUT /api/v1/away-reasons', { items: [{ code: 'LUNCH', label: 'Lunch' }] }],
    ]);
    expect(calls.every((c) => c.authorization === 'Bearer access-1')).toBe(true);
  });

  it('fetches a recording as a Blob with the access token, refreshing it once on 401', async () => {
    const accepts: (string | null)[] = [];
    const { fetch, calls } = fakeFetch((call) => {
      if (call.path === '/api/v1/auth/refresh') {
        return json(200, { ...TOKENS, accessToken: 'access-2', refreshToken: 'refresh-2' });
      }
      return call.authorization === 'Bearer access-2'
        ? new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'Content-Type': 'audio/wav' } })
        : problem(401, { detail: 'token expired' });
    });
    const session = new SessionStore(window.sessionStorage);
    session.set(sessionWith());
    const client = new ApiClient({
      session,
      fetch: (input, init) => {
        accepts.push(new Headers(init?.headers).get('Accept'));
        return fetch(input, init);
      },
    });

    const blob = await client.callRecording('c/1');
    expect(blob.size).toBe(3);
    expect(blob.type).toBe('audio/wav');
    expect(calls.map((c) => `${c.method} ${c.path} ${c.authorization ?? '-'}`)).toEqual([
      'GET /api/v1/calls/c%2F1/recording Bearer access-1',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/calls/c%2F1/recording Bearer access-2',
    ]);
    expect(accepts[0]).toContain('audio/wav');
    expect(accepts[0]).toContain('application/problem+json');
  });

  it('throws the problem of a recording that cannot be fetched', async () => {
    const { client } = clientWith(() => problem(404, { code: 'not-found', detail: 'The call has no recording.' }));
    const error = await caught(client.callRecording('c-2'));
    expect(error.status).toBe(404);
    expect(error.problem.detail).toBe('The call has no recording.');
  });

  it('sends the telephony calls to their endpoints', async () => {
    const { client, calls } = clientWith((call) => (call.method === 'DELETE' ? noContent() : json(200, { items: [], next: null })));
    await client.listCalls({ agentId: 'u-1', queueId: 'q 1' }, 'cur/2', 25);
    await client.listCalls();
    await client.placeCall({ to: '+15551230000' });
    await client.setCallRecording('c/1', true);
    await client.createTrunk({ name: 'T', kind: 'PBX', host: 'pbx.test' });
    await client.updateTrunk('tr/1', { username: null, password: null });
    await client.deleteTrunk('tr/1');
    await client.createNumber({ e164: '+15551230000', target: { type: 'QUEUE', queueId: 'q-1' } });
    await client.updateNumber('n-1', { trunkId: null });
    await client.deleteNumber('n-1');
    expect(calls.map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      ['GET /api/v1/calls?agentId=u-1&queueId=q+1&limit=25&after=cur%2F2', undefined],
      ['GET /api/v1/calls?limit=50', undefined],
      ['POST /api/v1/calls', { to: '+15551230000' }],
      ['PUT /api/v1/calls/c%2F1/recording-state', { recording: true }],
      ['POST /api/v1/trunks', { name: 'T', kind: 'PBX', host: 'pbx.test' }],
      ['PATCH /api/v1/trunks/tr%2F1', { username: null, password: null }],
      ['DELETE /api/v1/trunks/tr%2F1', undefined],
      ['POST /api/v1/numbers', { e164: '+15551230000', target: { type: 'QUEUE', queueId: 'q-1' } }],
      ['PATCH /api/v1/numbers/n-1', { trunkId: null }],
      ['DELETE /api/v1/numbers/n-1', undefined],
    ]);
  });

  it('addresses the events WebSocket with the current access token', () => {
    const { client, session } = clientWith(() => noContent());
    session.set(sessionWith({ accessToken: 'a b+c' }));
    expect(client.eventsUrl()).toBe(`ws://${location.host}/api/v1/events?access_token=a%20b%2Bc`);
    const remote = new ApiClient({ session, baseUrl: 'https://api.example.test/api/v1/' });
    expect(remote.eventsUrl()).toBe('wss://api.example.test/api/v1/events?access_token=a%20b%2Bc');
    session.clear();
    expect(client.eventsUrl()).toBeNull();
  });

  it('addresses the softphone WebSocket the same way', () => {
    const { client, session } = clientWith(() => noContent());
    session.set(sessionWith({ accessToken: 'a b+c' }));
    expect(client.softphoneUrl()).toBe(`ws://${location.host}/api/v1/softphone?access_token=a%20b%2Bc`);
    const remote = new ApiClient({ session, baseUrl: 'https://api.example.test/api/v1' });
    expect(remote.softphoneUrl()).toBe('wss://api.example.test/api/v1/softphone?access_token=a%20b%2Bc');
    session.clear();
    expect(client.softphoneUrl()).toBeNull();
  });

  it('completes an interaction with what the agent wrote, finishes wrap-up and reads a contact', async () => {
    const { client, calls } = clientWith(() => json(200, {}));
    await client.completeInteraction('c/1', { disposition: ' Resolved ', notes: 'Refund issued.' });
    await client.completeInteraction('c-2', { disposition: '', notes: '  ' });
    await client.finishWrapUp('u-1');
    await client.contact('k 1');
    expect(calls.map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      ['POST /api/v1/interactions/c%2F1/complete', { disposition: 'Resolved', notes: 'Refund issued.' }],
      ['POST /api/v1/interactions/c-2/complete', {}],
      ['POST /api/v1/agents/u-1/wrap-up/finish', undefined],
      ['GET /api/v1/contacts/k%201', undefined],
    ]);
  });
});
