import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseServerMessage } from './protocol.js';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/softphone-messages.schema.json', root), 'utf8')) as Record<string, unknown>;
const readme = readFileSync(new URL('README.md', root), 'utf8');

// strict, except for `required` in a oneOf branch naming properties declared next to it (transfer's targets)
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addSchema(schema);
const id = schema.$id as string;
const any = ajv.getSchema(id)!;
const client = ajv.getSchema(`${id}#/$defs/ClientMessage`)!;
const server = ajv.getSchema(`${id}#/$defs/ServerMessage`)!;

/** The ```json blocks of a part of the README. */
function examples(from: string, to: string | null): Array<Record<string, unknown>> {
  const start = readme.indexOf(from);
  const end = to ? readme.indexOf(to, start) : readme.length;
  expect(start, `README has "${from}"`).toBeGreaterThanOrEqual(0);
  const part = readme.slice(start, end);
  return [...part.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as Record<string, unknown>);
}

const clientExamples = examples('### Client → gateway messages', '### Gateway → client messages');
const serverExamples = examples('### Gateway → client messages', '### The Call object');

function errorsOf(validate: typeof any, message: unknown): string {
  return validate(message) ? '' : ajv.errorsText(validate.errors);
}

describe('the README examples', () => {
  it('cover every message type of both directions', () => {
    expect(new Set(clientExamples.map((m) => m.type))).toEqual(
      new Set(['hello', 'state', 'answer', 'prepare', 'candidate', 'reject', 'hangup', 'hold', 'mute', 'dtmf', 'transfer', 'consult',
        'complete-transfer', 'cancel-consult', 'dial', 'ping']),
    );
    expect(new Set(serverExamples.map((m) => m.type))).toEqual(
      new Set(['welcome', 'incoming', 'answered', 'prepared', 'call', 'ended', 'state', 'error', 'pong']),
    );
    // every example in the README is in one of the two parts
    expect(clientExamples.length + serverExamples.length).toBe(readme.match(/```json\n/g)?.length);
  });

  it.each(clientExamples.map((m) => [m.type, m] as const))('client %s is valid', (_type, message) => {
    expect(errorsOf(client, message)).toBe('');
    expect(errorsOf(any, message)).toBe('');
  });

  it.each(serverExamples.map((m) => [m.type, m] as const))('gateway %s is valid, and the SDK reads it', (_type, message) => {
    expect(errorsOf(server, message)).toBe('');
    expect(errorsOf(any, message)).toBe('');
    expect(parseServerMessage(JSON.stringify(message))).not.toBeNull();
  });
});

describe('the schema refuses', () => {
  const call = serverExamples.find((m) => m.type === 'incoming')?.call as Record<string, unknown>;

  it.each([
    ['no type', { callId: 'c-1' }],
    ['a type nobody knows', { type: 'teleport', callId: 'c-1' }],
    ['a number as type', { type: 7 }],
    ['prepare without sdp', { type: 'prepare', callId: 'c-1' }],
    ['answer with an empty sdp', { type: 'answer', callId: 'c-1', sdp: '' }],
    ['answer with an empty callId', { type: 'answer', callId: '', sdp: 'v=0' }],
    ['hold without a boolean', { type: 'hold', callId: 'c-1', hold: 'yes' }],
    ['mute without mute', { type: 'mute', callId: 'c-1' }],
    ['dtmf with other characters', { type: 'dtmf', callId: 'c-1', digits: '12x' }],
    ['dtmf without digits', { type: 'dtmf', callId: 'c-1', digits: '' }],
    ['dtmf with 33 digits', { type: 'dtmf', callId: 'c-1', digits: '1'.repeat(33) }],
    ['a transfer to two targets', { type: 'transfer', callId: 'c-1', queueId: 'q', agentId: 'a' }],
    ['a transfer to nobody', { type: 'transfer', callId: 'c-1' }],
    ['a state nobody may choose', { type: 'state', state: 'ASLEEP' }],
    ['a reason without AWAY', { type: 'state', state: 'AVAILABLE', reason: 'lunch' }],
    ['dial of letters', { type: 'dial', number: 'call mom' }],
    ['dial for a queue with an empty id', { type: 'dial', number: '5551234', queueId: '' }],
    ['dial for a queue id with a space', { type: 'dial', number: '5551234', queueId: 'a b' }],
    ['dial for a queue id of 65 characters', { type: 'dial', number: '5551234', queueId: 'q'.repeat(65) }],
    ['a transfer to an agent id with a slash', { type: 'transfer', callId: 'c-1', agentId: 'u/1' }],
    ['a candidate that is not a candidate line', { type: 'candidate', callId: 'c-1', candidate: 'a=foo' }],
    ['a candidate without its field', { type: 'candidate', callId: 'c-1' }],
  ])('from the client: %s', (_what, message) => {
    expect(client(message)).toBe(false);
  });

  it('whatever the direction: a frame with no known type', () => {
    expect(any({ callId: 'c-1' })).toBe(false);
    expect(any({ type: 'teleport' })).toBe(false);
    expect(any({ type: 'state', state: 'ASLEEP' })).toBe(false);
    expect(any([{ type: 'ping' }])).toBe(false);
  });

  it.each([
    ['welcome without calls', { type: 'welcome', agentId: 'u-1', state: { state: 'AVAILABLE' } }],
    ['welcome with a bare state', { type: 'welcome', agentId: 'u-1', state: 'AVAILABLE', calls: [] }],
    ['incoming without a call', { type: 'incoming' }],
    ['a call in a state nobody knows', { type: 'call', call: { ...call, state: 'exploded' } }],
    ['a call without muted', { type: 'call', call: { ...call, muted: undefined } }],
    ['a call whose since is not an instant', { type: 'call', call: { ...call, since: 'yesterday' } }],
    ['a contact without a name', { type: 'call', call: { ...call, contact: { id: 'k-1' } } }],
    ['ended for no reason', { type: 'ended', callId: 'c-1' }],
    ['ended for a reason nobody knows', { type: 'ended', callId: 'c-1', reason: 'boredom' }],
    ['an agent state nobody knows', { type: 'state', state: 'SLEEPING' }],
    ['an error without a message', { type: 'error', code: 'busy' }],
    ['an error with an unknown code', { type: 'error', code: 'oops', message: 'x' }],
    ['an error whose reason is not a code', { type: 'error', code: 'dial-refused', message: 'x', reason: 'Queue Not Found' }],
  ])('from the gateway: %s', (_what, message) => {
    expect(server(JSON.parse(JSON.stringify(message)))).toBe(false);
  });
});
