import { describe, expect, it } from 'vitest';
import { DTMF_DIGITS, parseServerMessage, toCall } from './protocol.js';
import { aCall } from './test/helpers.js';

describe('parseServerMessage', () => {
  it('reads the messages of the gateway, keeping fields it does not know', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'pong', extra: 1 }))).toEqual({ type: 'pong' });
    expect(parseServerMessage(JSON.stringify({ type: 'ended', callId: 'c-1', reason: 'missed', at: 'x' }))).toEqual({
      type: 'ended',
      callId: 'c-1',
      reason: 'missed',
      at: 'x',
    });
    expect(parseServerMessage(JSON.stringify({ type: 'state', state: 'AWAY', reason: null }))).toEqual({
      type: 'state',
      state: 'AWAY',
      reason: null,
    });
  });

  it('normalizes the agent state of welcome, as an object or a bare name', () => {
    const object = parseServerMessage(
      JSON.stringify({ type: 'welcome', agentId: 'u-1', state: { state: 'AWAY', reason: 'lunch' }, calls: [aCall()] }),
    );
    expect(object).toEqual({ type: 'welcome', agentId: 'u-1', state: { state: 'AWAY', reason: 'lunch' }, calls: [aCall()] });
    const bare = parseServerMessage(JSON.stringify({ type: 'welcome', agentId: 'u-1', state: 'BUSY', calls: [] }));
    expect(bare).toEqual({ type: 'welcome', agentId: 'u-1', state: { state: 'BUSY' }, calls: [] });
    expect(parseServerMessage(JSON.stringify({ type: 'welcome', agentId: 'u-1', state: 'NAPPING', calls: [] }))).toBeNull();
  });

  it('gives errors a message even when the gateway sent none', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'error', code: 'busy' }))).toEqual({
      type: 'error',
      code: 'busy',
      message: '',
    });
    expect(parseServerMessage(JSON.stringify({ type: 'error', code: 'busy', callId: 7 }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'error', code: 'dial-refused', message: 'x', reason: 404 }))).toBeNull();
  });

  it('reads nothing from frames that are not messages', () => {
    for (const raw of ['', 'x', '1', '"welcome"', '[]', '{}', '{"type":null}', new Uint8Array([123, 125])]) {
      expect(parseServerMessage(raw)).toBeNull();
    }
    expect(parseServerMessage(JSON.stringify({ type: 'answered', callId: 'c-1', sdp: '' }))).toBeNull();
  });
});

describe('toCall', () => {
  it('checks the fields a call must have, and the optional ones when present', () => {
    expect(toCall(aCall())).toEqual(aCall());
    const plain = aCall();
    delete plain.contact;
    delete plain.queueId;
    expect(toCall(plain)).toEqual(plain);
    expect(toCall({ ...aCall(), direction: 'sideways' })).toBeNull();
    expect(toCall({ ...aCall(), from: 5 })).toBeNull();
    expect(toCall({ ...aCall(), queueId: 5 })).toBeNull();
    expect(toCall({ ...aCall(), contact: { id: 'k', name: 'N', company: 3 } })).toBeNull();
    expect(toCall({ ...aCall(), consult: { agentId: 'a', state: 'gone' } })).toBeNull();
    expect(toCall({ ...aCall(), consult: { agentId: 'a', state: 'connected' } })).not.toBeNull();
    expect(toCall({ ...aCall(), consultation: { fromAgentId: 'ann' } })?.consultation).toEqual({ fromAgentId: 'ann' });
    expect(toCall({ ...aCall(), consultation: { fromAgentId: 7 } })).toBeNull();
  });
});

describe('DTMF_DIGITS', () => {
  it('are 0-9 * # A-D, 1 to 32', () => {
    expect(DTMF_DIGITS.test('0123456789*#ABCD')).toBe(true);
    expect(DTMF_DIGITS.test('E')).toBe(false);
    expect(DTMF_DIGITS.test('1 2')).toBe(false);
  });
});
