import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakePeerConnection, MockWebSocket, settle } from './test/fakes.js';
import { aCall, connect, inCall, softphone, welcome } from './test/helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  MockWebSocket.reset();
  FakePeerConnection.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A softphone in a connected call whose media works (offer answered, ICE connected). */
async function inConnectedCall() {
  const call = await inCall();
  call.pc.setConnectionState('connected');
  return call;
}

describe('reconnecting', () => {
  it('reconnects with a doubling delay and jitter, asks for the address again and says hello again', () => {
    const jitter = [0.5, 0, 0, 0, 0];
    const { phone, setUrl, of } = softphone({ random: () => jitter.shift() ?? 0 });
    phone.connect();
    expect(phone.delayFor(0)).toBe(1000);
    expect(phone.delayFor(3)).toBe(8000);
    expect(phone.delayFor(12)).toBe(30000);

    MockWebSocket.last().drop();
    // 1000 ms + 10 % jitter
    expect(phone.connection).toEqual({ state: 'closed', agentId: null, retryInMs: 1100, closeCode: 1006 });
    vi.advanceTimersByTime(1099);
    expect(MockWebSocket.instances).toHaveLength(1);
    setUrl('wss://cc.test/api/v1/softphone?access_token=token-b');
    vi.advanceTimersByTime(1);
    expect(MockWebSocket.instances).toHaveLength(2);
    expect(MockWebSocket.last().url).toBe('wss://cc.test/api/v1/softphone?access_token=token-b');

    MockWebSocket.last().drop();
    vi.advanceTimersByTime(1999);
    expect(MockWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(MockWebSocket.instances).toHaveLength(3);

    // this one works: hello again, and after welcome the backoff starts over
    const ws = MockWebSocket.last();
    ws.open();
    expect(ws.messages()).toEqual([{ type: 'hello', device: 'vitest' }]);
    ws.receive(welcome());
    ws.drop();
    vi.advanceTimersByTime(1000);
    expect(MockWebSocket.instances).toHaveLength(4);
    expect(of('connection').map((c) => c.state)).toEqual([
      'connecting',
      'closed',
      'connecting',
      'closed',
      'connecting',
      'connected',
      'closed',
      'connecting',
    ]);
    phone.close();
  });

  it('waits while there is no address (signed out)', () => {
    const { phone, setUrl } = softphone();
    setUrl(null);
    phone.connect();
    expect(MockWebSocket.instances).toHaveLength(0);
    setUrl('wss://cc.test/api/v1/softphone?access_token=token-c');
    vi.advanceTimersByTime(1000);
    expect(MockWebSocket.instances).toHaveLength(1);
    phone.close();
  });

  it('keeps the call through a socket drop and leaves working media alone', async () => {
    const { phone, ws, pc, of } = await inConnectedCall();
    ws.drop();
    expect(pc.closed).toBe(false);
    expect(of('ended')).toEqual([]);
    expect(phone.calls).toHaveLength(1);

    vi.advanceTimersByTime(1000);
    const next = MockWebSocket.last();
    next.open();
    next.receive(welcome([aCall({ state: 'connected' })]));
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(1);
    expect(next.ofType('answer')).toEqual([]);
    expect(of('call').at(-1)).toEqual(aCall({ state: 'connected' }));
    phone.close();
  });

  it('re-attaches a call whose media broke during the outage with a fresh offer', async () => {
    const { phone, ws, pc, mic } = await inConnectedCall();
    ws.drop();
    pc.setConnectionState('disconnected');
    vi.advanceTimersByTime(1000);
    const next = MockWebSocket.last();
    next.open();
    next.receive(welcome([aCall({ state: 'held' })]));
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(pc.closed).toBe(true);
    expect(mic.streams[0]?.tracks[0]?.stopped).toBe(true);
    const fresh = FakePeerConnection.last();
    expect(next.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1', sdp: fresh.localDescription?.sdp }]);
    next.receive({ type: 'answered', callId: 'call-1', sdp: 'v=0\r\n' });
    await settle();
    expect(fresh.remoteDescription).toEqual({ type: 'answer', sdp: 'v=0\r\n' });
    phone.close();
  });

  it('re-attaches a call whose offer went out but was never answered', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    ws.drop();
    vi.advanceTimersByTime(1000);
    const next = MockWebSocket.last();
    next.open();
    next.receive(welcome([aCall({ state: 'connected' })]));
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(next.ofType('answer')).toHaveLength(1);
    expect(of('incoming')).toHaveLength(1);
    phone.close();
  });

  it('lets calls go that ended while it was away', async () => {
    const { phone, ws, pc, of } = await inConnectedCall();
    ws.drop();
    vi.advanceTimersByTime(1000);
    MockWebSocket.last().open();
    MockWebSocket.last().receive(welcome([]));
    expect(of('ended')).toEqual([{ callId: 'call-1', reason: 'gone', call: aCall({ state: 'connected' }) }]);
    expect(pc.closed).toBe(true);
    phone.close();
  });

  it('stops when another connection replaces it, and when the user is not an agent', async () => {
    const { phone, ws, pc, of } = await inConnectedCall();
    ws.receive({ type: 'error', code: 'replaced', message: 'Signed in elsewhere.' });
    ws.drop(4000);
    expect(phone.connection).toEqual({ state: 'closed', agentId: 'agent-7', retryInMs: null, closeCode: 4000 });
    expect(of('error').map((e) => e.code)).toEqual(['replaced']);
    expect(pc.closed).toBe(true);
    expect(of('ended').map((e) => e.reason)).toEqual(['gone']);
    vi.advanceTimersByTime(120_000);
    expect(MockWebSocket.instances).toHaveLength(1);

    const other = softphone();
    other.phone.connect();
    MockWebSocket.last().open();
    MockWebSocket.last().receive({ type: 'error', code: 'not-an-agent', message: 'You are not an agent.' });
    MockWebSocket.last().drop(1008);
    vi.advanceTimersByTime(120_000);
    expect(MockWebSocket.instances).toHaveLength(2);
    expect(other.of('error')).toEqual([{ code: 'not-an-agent', message: 'You are not an agent.' }]);
    expect(other.phone.connection.retryInMs).toBeNull();
  });

  it('pings, and treats a connection that stopped answering as lost', () => {
    const { phone } = softphone({ pingIntervalMs: 20_000 });
    const ws = connect(phone);
    vi.advanceTimersByTime(20_000);
    expect(ws.ofType('ping')).toEqual([{ type: 'ping' }]);
    ws.receive({ type: 'pong' });
    vi.advanceTimersByTime(20_000);
    expect(ws.ofType('ping')).toHaveLength(2);
    expect(ws.closedByClient).toBeNull();
    // no pong this time
    vi.advanceTimersByTime(20_000);
    expect(ws.closedByClient).toBe(4001);
    expect(phone.connection.state).toBe('closed');
    vi.advanceTimersByTime(1000);
    expect(MockWebSocket.instances).toHaveLength(2);
    phone.close();
  });

  it('closes on request: no reconnect, the microphone released, the call left to the gateway', async () => {
    const { phone, ws, pc } = await inConnectedCall();
    phone.close();
    expect(ws.closedByClient).toBe(1000);
    expect(pc.closed).toBe(true);
    expect(ws.messages().map((m) => m.type)).not.toContain('hangup');
    vi.advanceTimersByTime(120_000);
    expect(MockWebSocket.instances).toHaveLength(1);
    expect(phone.connection.state).toBe('closed');
  });
});

describe('after a page reload', () => {
  it('a new softphone re-attaches the connected call the welcome lists', async () => {
    const { phone, mic, of } = softphone();
    phone.connect();
    const ws = MockWebSocket.last();
    ws.open();
    const connected = aCall({ state: 'connected', muted: true });
    const ringing = aCall({ callId: 'call-2', state: 'ringing' });
    ws.receive(welcome([connected, ringing]));
    await settle();

    // the connected call: new RTCPeerConnection, fresh offer, still muted
    expect(FakePeerConnection.instances).toHaveLength(2);
    const pc = FakePeerConnection.instances[0] as FakePeerConnection;
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1', sdp: pc.localDescription?.sdp }]);
    expect(mic.streams[0]?.tracks[0]?.enabled).toBe(false);
    // the ringing one rings; its media is prepared, and it is answered only when the agent says so
    expect(ws.ofType('prepare').map((m) => m.callId)).toEqual(['call-2']);
    expect(of('incoming')).toEqual([ringing]);
    expect(of('call')).toEqual([connected]);
    expect(phone.calls.map((c) => c.callId)).toEqual(['call-1', 'call-2']);

    ws.receive({ type: 'answered', callId: 'call-1', sdp: 'v=0\r\n' });
    await settle();
    expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: 'v=0\r\n' });
    phone.close();
  });

  it('re-attaches an outbound call still ringing the number', async () => {
    const { phone } = softphone();
    const ws = connect(phone, [aCall({ callId: 'call-out', direction: 'outbound', state: 'ringing' })]);
    await settle();
    expect(ws.ofType('answer').map((m) => m.callId)).toEqual(['call-out']);
    phone.close();
  });
});
