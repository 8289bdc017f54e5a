import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockWebSocket } from '@callisto/softphone/testing';
import { EventStream, parseEvent, type ConnectionState } from './events';

function streamWith(url: () => string | null = () => 'ws://x/api/v1/events?access_token=a') {
  const messages: unknown[] = [];
  const states: ConnectionState[] = [];
  const stream = new EventStream({
    url,
    onMessage: (m) => messages.push(m),
    onState: (s) => states.push(s),
    random: () => 0,
    webSocket: MockWebSocket as unknown as typeof WebSocket,
  });
  return { stream, messages, states };
}

describe('EventStream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    MockWebSocket.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects, reports its state and hands on the parsed messages', () => {
    const { stream, messages, states } = streamWith();
    stream.start();
    expect(MockWebSocket.last().url).toBe('ws://x/api/v1/events?access_token=a');
    MockWebSocket.last().open();
    MockWebSocket.last().receive({ type: 'hello', tenantId: 't-1', at: '2025-01-01T00:00:00Z', data: { userId: 'u-1' } });
    MockWebSocket.last().receive('not json');
    MockWebSocket.last().receive({ no: 'type' });
    expect(states).toEqual(['connecting', 'open']);
    expect(messages).toEqual([{ type: 'hello', tenantId: 't-1', at: '2025-01-01T00:00:00Z', data: { userId: 'u-1' } }]);
    stream.stop();
    expect(MockWebSocket.last().closedByClient).toBe(1000);
    expect(states).toEqual(['connecting', 'open', 'closed']);
  });

  it('reconnects with a doubling delay, and starts over after a good connection', () => {
    let token = 'a';
    const { stream } = streamWith(() => `ws://x/events?access_token=${token}`);
    stream.start();
    expect(stream.delayFor(0)).toBe(1000);
    expect(stream.delayFor(3)).toBe(8000);
    expect(stream.delayFor(10)).toBe(30000);

    MockWebSocket.last().drop();
    expect(stream.state).toBe('closed');
    vi.advanceTimersByTime(999);
    expect(MockWebSocket.instances).toHaveLength(1);
    token = 'b'; // the token rotated meanwhile: the next attempt uses the new one
    vi.advanceTimersByTime(1);
    expect(MockWebSocket.instances).toHaveLength(2);
    expect(MockWebSocket.last().url).toBe('ws://x/events?access_token=b');

    MockWebSocket.last().drop();
    vi.advanceTimersByTime(1999);
    expect(MockWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(MockWebSocket.instances).toHaveLength(3);

    MockWebSocket.last().drop();
    vi.advanceTimersByTime(4000);
    expect(MockWebSocket.instances).toHaveLength(4);

    // this one works: the backoff starts over
    MockWebSocket.last().open();
    MockWebSocket.last().receive({ type: 'hello', data: {} });
    MockWebSocket.last().drop();
    vi.advanceTimersByTime(1000);
    expect(MockWebSocket.instances).toHaveLength(5);
    stream.stop();
  });

  it('stops reconnecting once stopped', () => {
    const { stream } = streamWith();
    stream.start();
    MockWebSocket.last().drop();
    stream.stop();
    vi.advanceTimersByTime(60_000);
    expect(MockWebSocket.instances).toHaveLength(1);
  });

  it('waits while signed out', () => {
    let url: string | null = null;
    const { stream } = streamWith(() => url);
    stream.start();
    expect(MockWebSocket.instances).toHaveLength(0);
    url = 'ws://x/events?access_token=c';
    vi.advanceTimersByTime(1000);
    expect(MockWebSocket.instances).toHaveLength(1);
    stream.stop();
  });
});

describe('parseEvent', () => {
  it('reads {type, data} JSON and nothing else', () => {
    expect(parseEvent('{"type":"stats.realtime","data":{}}')).toEqual({ type: 'stats.realtime', data: {} });
    expect(parseEvent('[1]')).toBeNull();
    expect(parseEvent('{"type":1}')).toBeNull();
    expect(parseEvent(new ArrayBuffer(2))).toBeNull();
  });
});
