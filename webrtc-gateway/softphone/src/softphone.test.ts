import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SoftphoneError } from './types.js';
import { FakePeerConnection, MockWebSocket, settle } from './test/fakes.js';
import { URL_A, aCall, connect, inCall, softphone, welcome } from './test/helpers.js';

beforeEach(() => {
  MockWebSocket.reset();
  FakePeerConnection.reset();
});

describe('connecting', () => {
  it('says hello when the socket opens and is connected on welcome', () => {
    const { phone, events } = softphone();
    phone.connect();
    const ws = MockWebSocket.last();
    expect(ws.url).toBe(URL_A);
    expect(ws.sent).toEqual([]);
    ws.open();
    expect(ws.messages()).toEqual([{ type: 'hello', device: 'vitest' }]);
    expect(phone.connection.state).toBe('connecting');

    ws.receive(welcome([], { state: 'AWAY', reason: 'lunch' }));
    expect(phone.connection).toEqual({ state: 'connected', agentId: 'agent-7', retryInMs: null });
    expect(phone.agentId).toBe('agent-7');
    expect(phone.state).toEqual({ state: 'AWAY', reason: 'lunch' });
    expect(events).toEqual([
      ['connection', { state: 'connecting', agentId: null, retryInMs: null }],
      ['connection', { state: 'connected', agentId: 'agent-7', retryInMs: null }],
      ['state', { state: 'AWAY', reason: 'lunch' }],
    ]);
  });

  it('reads a welcome whose state is a bare state name', () => {
    const { phone, of } = softphone();
    phone.connect();
    MockWebSocket.last().open();
    MockWebSocket.last().receive(welcome([], 'OFFLINE'));
    expect(of('state')).toEqual([{ state: 'OFFLINE', reason: null }]);
  });

  it('sends the agent state and reports the state the gateway pushes', () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    expect(phone.setState('AWAY', 'lunch')).toBe(true);
    expect(phone.setState('AVAILABLE', 'ignored')).toBe(true);
    expect(phone.setState('OFFLINE')).toBe(true);
    expect(ws.ofType('state')).toEqual([
      { type: 'state', state: 'AWAY', reason: 'lunch' },
      { type: 'state', state: 'AVAILABLE' },
      { type: 'state', state: 'OFFLINE' },
    ]);
    ws.receive({ type: 'state', state: 'WRAP_UP' });
    ws.receive({ type: 'state', state: 'AWAY', reason: 'lunch' });
    expect(of('state').slice(1)).toEqual([
      { state: 'WRAP_UP', reason: null },
      { state: 'AWAY', reason: 'lunch' },
    ]);
    expect(phone.state).toEqual({ state: 'AWAY', reason: 'lunch' });
  });

  it('reports what it cannot send while disconnected', () => {
    const { phone, of } = softphone();
    expect(phone.hangup('call-1')).toBe(false);
    phone.connect();
    expect(phone.setState('AVAILABLE')).toBe(false);
    expect(of('error')).toEqual([
      { code: 'not-connected', message: 'The softphone is not connected; try again when it is.', callId: 'call-1' },
      { code: 'not-connected', message: 'The softphone is not connected; try again when it is.' },
    ]);
    expect(MockWebSocket.last().sent).toEqual([]);
  });
});

describe('an incoming call', () => {
  // these answer with an offer (preconnect off); `describe('preconnect')` has the media made while ringing
  it('rings, and answering sends an offer, trickles candidates and applies the answer', async () => {
    const { phone, mic, of } = softphone({ preconnect: false });
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    expect(of('incoming')).toEqual([aCall()]);
    expect(phone.calls).toEqual([aCall()]);

    const answering = phone.answer('call-1');
    // a second click while the microphone opens does not make a second connection
    const again = phone.answer('call-1');
    await Promise.all([answering, again]);
    expect(mic.requests).toEqual([{ audio: true, video: false }]);
    expect(FakePeerConnection.instances).toHaveLength(1);
    const pc = FakePeerConnection.last();
    expect(pc.configuration).toEqual({ iceServers: [] });
    expect(pc.transceivers).toHaveLength(1);
    expect(pc.transceivers[0]?.direction).toBe('sendrecv');
    expect(pc.transceivers[0]?.track).toBe(mic.streams[0]?.tracks[0]);
    expect(pc.localDescription?.type).toBe('offer');
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1', sdp: pc.localDescription?.sdp }]);
    expect(pc.localDescription?.sdp).toContain('m=audio');

    pc.candidate('candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host');
    pc.candidate('candidate:2 1 udp 1686052607 203.0.113.9 54321 typ srflx');
    pc.candidate(null);
    pc.candidate(null);
    expect(ws.ofType('candidate')).toEqual([
      { type: 'candidate', callId: 'call-1', candidate: 'candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host' },
      { type: 'candidate', callId: 'call-1', candidate: 'candidate:2 1 udp 1686052607 203.0.113.9 54321 typ srflx' },
      { type: 'candidate', callId: 'call-1', candidate: '' },
    ]);

    ws.receive({ type: 'answered', callId: 'call-1', sdp: 'v=0\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 0 101\r\n' });
    await settle();
    expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: 'v=0\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 0 101\r\n' });

    ws.receive({ type: 'call', call: aCall({ state: 'connected' }) });
    expect(of('call')).toEqual([aCall({ state: 'connected' })]);
    expect(phone.call('call-1')?.state).toBe('connected');
  });

  it('sends candidates found before the offer went out after it, in order', async () => {
    const { phone } = softphone({ preconnect: false });
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    // the connection gathers candidates as soon as the local description is set, before `answer` is sent
    const original = FakePeerConnection.prototype.setLocalDescription;
    vi.spyOn(FakePeerConnection.prototype, 'setLocalDescription').mockImplementation(async function (
      this: FakePeerConnection,
      description,
    ) {
      await original.call(this, description);
      this.candidate('candidate:early 1 udp 1 10.0.0.1 1000 typ host');
    });
    await phone.answer('call-1');
    expect(ws.messages().map((m) => m.type)).toEqual(['hello', 'answer', 'candidate']);
    expect(ws.ofType('candidate')).toEqual([
      { type: 'candidate', callId: 'call-1', candidate: 'candidate:early 1 udp 1 10.0.0.1 1000 typ host' },
    ]);
  });

  it('plays the remote audio and lets the call go when it ends', async () => {
    const { phone, mic, of } = softphone();
    const ws = connect(phone);
    const audio = { srcObject: null as unknown, sinks: [] as string[], async setSinkId(id: string) { this.sinks.push(id); } };
    phone.remoteAudio(audio as unknown as HTMLMediaElement);
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    const pc = FakePeerConnection.last();
    const remote = pc.remoteTrack();
    expect(audio.srcObject).toBe(remote);

    await phone.setOutputDevice('speakers-2');
    expect(audio.sinks).toEqual(['', 'speakers-2']);

    ws.receive({ type: 'ended', callId: 'call-1', reason: 'caller-hangup' });
    expect(of('ended')).toEqual([{ callId: 'call-1', reason: 'caller-hangup', call: aCall() }]);
    expect(pc.closed).toBe(true);
    expect(mic.streams[0]?.tracks[0]?.stopped).toBe(true);
    expect(audio.srcObject).toBeNull();
    expect(phone.calls).toEqual([]);
  });

  it('starts the audio element, and says so when the browser refuses to autoplay', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    const refusal = Object.assign(new Error('play() failed because the user did not interact'), { name: 'NotAllowedError' });
    const audio = { srcObject: null as unknown, play: vi.fn(async (): Promise<void> => Promise.reject(refusal)) };
    phone.remoteAudio(audio as unknown as HTMLMediaElement);
    expect(audio.play).not.toHaveBeenCalled();
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    FakePeerConnection.last().remoteTrack();
    await settle();
    expect(audio.play).toHaveBeenCalledTimes(1);
    // no document in this environment: nothing to click, so nothing is said
    expect(of('error')).toEqual([]);

    // in a page: it says so and plays again on the next click
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('document', {
      addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
      removeEventListener: (type: string) => listeners.delete(type),
    });
    try {
      phone.remoteAudio(audio as unknown as HTMLMediaElement);
      await settle();
      expect(of('error')).toEqual([
        {
          code: 'media-error',
          message: 'The browser did not let the call audio play: click anywhere on the page to hear the caller.',
        },
      ]);
      audio.play.mockResolvedValueOnce(undefined);
      listeners.get('click')?.();
      expect(audio.play).toHaveBeenCalledTimes(3);
      expect(listeners.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('uses the microphone chosen, also for a call in progress', async () => {
    const { phone, mic } = softphone();
    const ws = connect(phone);
    await phone.setInputDevice('mic-usb');
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    expect(mic.requests).toEqual([{ audio: { deviceId: { exact: 'mic-usb' } }, video: false }]);

    phone.mute('call-1', true);
    await phone.setInputDevice('mic-headset');
    const sender = FakePeerConnection.last().senders[0];
    const replacement = mic.streams[1]?.tracks[0];
    expect(replacement?.deviceId).toBe('mic-headset');
    expect(sender?.replaced).toEqual([replacement]);
    // still muted, and the old microphone is released
    expect(replacement?.enabled).toBe(false);
    expect(mic.streams[0]?.tracks[0]?.stopped).toBe(true);
  });

  it('reports a microphone that cannot be opened', async () => {
    const { phone, mic } = softphone({ preconnect: false });
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    mic.fail(new Error('NotAllowedError: Permission denied'));
    const error = await phone.answer('call-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoftphoneError);
    expect(error).toMatchObject({ code: 'media-error', callId: 'call-1' });
    expect((error as Error).message).toContain('Permission denied');
    expect(ws.ofType('answer')).toEqual([]);
    expect(FakePeerConnection.instances).toHaveLength(0);
  });

  it('reports an SDP answer the browser refuses', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    FakePeerConnection.last().failRemoteDescription = true;
    ws.receive({ type: 'answered', callId: 'call-1', sdp: 'garbage' });
    await settle();
    expect(of('error')).toEqual([
      { code: 'media-error', message: "The gateway's SDP answer was refused: InvalidAccessError: bad SDP", callId: 'call-1' },
    ]);
  });
});

describe('preconnect: the media of a ringing call connects before the answer', () => {
  const PREPARED_SDP = 'v=0\r\nm=audio 40000 UDP/TLS/RTP/SAVPF 0 101\r\n';

  it('prepares on ring, sends silence and plays nothing until the agent answers, then answers without an offer', async () => {
    const { phone, mic } = softphone();
    const ws = connect(phone);
    const audio = { srcObject: null as unknown };
    phone.remoteAudio(audio as unknown as HTMLMediaElement);
    ws.receive({ type: 'incoming', call: aCall() });
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(1);
    const pc = FakePeerConnection.last();
    expect(ws.ofType('prepare')).toEqual([{ type: 'prepare', callId: 'call-1', sdp: pc.localDescription?.sdp }]);
    expect(ws.ofType('answer')).toEqual([]);
    expect(mic.streams[0]?.tracks[0]?.enabled).toBe(false);
    pc.candidate('candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host');
    expect(ws.ofType('candidate')).toEqual([
      { type: 'candidate', callId: 'call-1', candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host' },
    ]);
    ws.receive({ type: 'prepared', callId: 'call-1', sdp: PREPARED_SDP });
    await settle();
    expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: PREPARED_SDP });
    const remote = pc.remoteTrack();
    expect(audio.srcObject).toBeNull();

    await phone.answer('call-1');
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1' }]);
    expect(FakePeerConnection.instances).toHaveLength(1);
    expect(mic.requests).toHaveLength(1);
    expect(mic.streams[0]?.tracks[0]?.enabled).toBe(true);
    expect(audio.srcObject).toBe(remote);
    ws.receive({ type: 'call', call: aCall({ state: 'connected' }) });
    expect(phone.call('call-1')?.state).toBe('connected');
  });

  it('an answer while the prepare still opens the microphone waits for it and uses it', async () => {
    const { phone } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await phone.answer('call-1');
    expect(FakePeerConnection.instances).toHaveLength(1);
    expect(ws.messages().map((m) => m.type)).toEqual(['hello', 'prepare', 'answer']);
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1' }]);
  });

  it('a prepared media the gateway lost is replaced by an offer when the agent answers', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await settle();
    const prepared = FakePeerConnection.last();
    ws.receive({ type: 'error', code: 'media-failed', message: 'the prepared media did not connect', callId: 'call-1' });
    expect(prepared.closed).toBe(true);
    expect(of('error')).toEqual([]);
    await phone.answer('call-1');
    const fresh = FakePeerConnection.last();
    expect(fresh).not.toBe(prepared);
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-1', sdp: fresh.localDescription?.sdp }]);
  });

  it('an answer the gateway finds unprepared is sent again with an offer, quietly', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await settle();
    const prepared = FakePeerConnection.last();
    await phone.answer('call-1');
    ws.receive({ type: 'error', code: 'not-prepared', message: 'no prepared media', callId: 'call-1' });
    await settle();
    expect(prepared.closed).toBe(true);
    const fresh = FakePeerConnection.last();
    expect(fresh).not.toBe(prepared);
    expect(ws.ofType('answer')).toEqual([
      { type: 'answer', callId: 'call-1' },
      { type: 'answer', callId: 'call-1', sdp: fresh.localDescription?.sdp },
    ]);
    expect(of('error')).toEqual([]);
  });

  it('a prepared connection that fails while the call rings is prepared again, never answered', async () => {
    const { phone } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await settle();
    const first = FakePeerConnection.last();
    ws.receive({ type: 'prepared', callId: 'call-1', sdp: PREPARED_SDP });
    await settle();
    first.setConnectionState('failed');
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(ws.ofType('prepare').map((m) => m.sdp)).toEqual([first.localDescription?.sdp,
      FakePeerConnection.last().localDescription?.sdp]);
    expect(ws.ofType('answer')).toEqual([]);
  });

  it('a rejected or withdrawn call lets its prepared media and microphone go', async () => {
    const { phone, mic } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'incoming', call: aCall() });
    await settle();
    const pc = FakePeerConnection.last();
    expect(phone.reject('call-1')).toBe(true);
    ws.receive({ type: 'ended', callId: 'call-1', reason: 'rejected' });
    expect(pc.closed).toBe(true);
    expect(mic.streams[0]?.tracks[0]?.stopped).toBe(true);
  });

  it('is not done for an outbound call (its media attaches with an answer at once)', async () => {
    const { phone } = softphone();
    const ws = connect(phone, [aCall({ callId: 'call-out', direction: 'outbound', state: 'ringing' })]);
    await settle();
    expect(ws.ofType('prepare')).toEqual([]);
    expect(ws.ofType('answer').map((m) => m.callId)).toEqual(['call-out']);
  });
});

describe('call controls', () => {
  it('rejects and hangs up', () => {
    const { phone } = softphone();
    const ws = connect(phone);
    phone.reject('call-1');
    phone.hangup('call-2');
    expect(ws.messages().slice(1)).toEqual([
      { type: 'reject', callId: 'call-1' },
      { type: 'hangup', callId: 'call-2' },
    ]);
  });

  it('mutes the microphone here and at the gateway', async () => {
    const { phone, ws, mic } = await inCall();
    const track = mic.streams[0]?.tracks[0];
    phone.mute('call-1', true);
    expect(track?.enabled).toBe(false);
    phone.mute('call-1', false);
    expect(track?.enabled).toBe(true);
    expect(ws.ofType('mute')).toEqual([
      { type: 'mute', callId: 'call-1', mute: true },
      { type: 'mute', callId: 'call-1', mute: false },
    ]);
    // the gateway's word wins: a call that says muted disables the track
    ws.receive({ type: 'call', call: aCall({ state: 'connected', muted: true }) });
    expect(track?.enabled).toBe(false);
  });

  it('holds and resumes', async () => {
    const { phone, ws } = await inCall();
    phone.hold('call-1', true);
    phone.hold('call-1', false);
    expect(ws.ofType('hold')).toEqual([
      { type: 'hold', callId: 'call-1', hold: true },
      { type: 'hold', callId: 'call-1', hold: false },
    ]);
  });

  it('sends DTMF in band when the sender can', async () => {
    const { phone, ws, pc } = await inCall();
    expect(phone.sendDtmf('call-1', '12#')).toBe(true);
    expect(pc.senders[0]?.dtmf?.inserted).toEqual([{ tones: '12#', duration: 100, gap: 70 }]);
    expect(ws.ofType('dtmf')).toEqual([]);
  });

  it('sends DTMF through the gateway when the sender cannot', async () => {
    FakePeerConnection.canInsertDTMF = false;
    const { phone, ws, pc } = await inCall();
    phone.sendDtmf('call-1', '*9a');
    expect(pc.senders[0]?.dtmf?.inserted).toEqual([]);
    expect(ws.ofType('dtmf')).toEqual([{ type: 'dtmf', callId: 'call-1', digits: '*9A' }]);
  });

  it('sends DTMF through the gateway when the sender has no DTMF at all, and refuses other digits', async () => {
    FakePeerConnection.hasDtmf = false;
    const { phone, ws } = await inCall();
    phone.sendDtmf('call-1', '5');
    expect(ws.ofType('dtmf')).toEqual([{ type: 'dtmf', callId: 'call-1', digits: '5' }]);
    expect(() => phone.sendDtmf('call-1', '')).toThrow(TypeError);
    expect(() => phone.sendDtmf('call-1', '12x')).toThrow(TypeError);
    expect(() => phone.sendDtmf('call-1', '1'.repeat(33))).toThrow(TypeError);
    expect(ws.ofType('dtmf')).toHaveLength(1);
  });

  it('transfers blind to a queue or an agent', async () => {
    const { phone, ws } = await inCall();
    phone.transfer('call-1', { queueId: 'q-sales' });
    phone.transfer('call-1', { agentId: 'agent-9' });
    expect(() => phone.transfer('call-1', { queueId: 'q', agentId: 'a' } as unknown as { queueId: string })).toThrow(
      TypeError,
    );
    expect(() => phone.transfer('call-1', { queueId: '' })).toThrow(TypeError);
    expect(ws.ofType('transfer')).toEqual([
      { type: 'transfer', callId: 'call-1', queueId: 'q-sales' },
      { type: 'transfer', callId: 'call-1', agentId: 'agent-9' },
    ]);
  });

  it('consults, then completes or cancels the transfer', async () => {
    const { phone, ws, of } = await inCall();
    phone.consult('call-1', 'agent-9');
    ws.receive({ type: 'call', call: aCall({ state: 'held', consult: { agentId: 'agent-9', state: 'ringing' } }) });
    expect(phone.call('call-1')?.consult).toEqual({ agentId: 'agent-9', state: 'ringing' });
    phone.cancelConsult('call-1');
    phone.consult('call-1', 'agent-9');
    phone.completeTransfer('call-1');
    expect(ws.messages().slice(-4)).toEqual([
      { type: 'consult', callId: 'call-1', agentId: 'agent-9' },
      { type: 'cancel-consult', callId: 'call-1' },
      { type: 'consult', callId: 'call-1', agentId: 'agent-9' },
      { type: 'complete-transfer', callId: 'call-1' },
    ]);
    ws.receive({ type: 'ended', callId: 'call-1', reason: 'transferred' });
    expect(of('ended').map((e) => e.reason)).toEqual(['transferred']);
  });

  it('summarizes the connection stats', async () => {
    const { phone, pc } = await inCall();
    pc.connectionState = 'connected';
    pc.iceConnectionState = 'connected';
    pc.stats = [
      { id: 'in', type: 'inbound-rtp', kind: 'audio', packetsReceived: 250, bytesReceived: 40000, packetsLost: 2, jitter: 0.004, audioLevel: 0.31 },
      { id: 'out', type: 'outbound-rtp', kind: 'audio', packetsSent: 248, bytesSent: 39680 },
      { id: 'tr', type: 'transport', dtlsState: 'connected' },
      { id: 'cp', type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.012 },
      { id: 'video', type: 'inbound-rtp', kind: 'video', packetsReceived: 999 },
    ];
    expect(await phone.stats('call-1')).toEqual({
      packetsReceived: 250,
      packetsSent: 248,
      bytesReceived: 40000,
      bytesSent: 39680,
      packetsLost: 2,
      jitter: 0.004,
      audioLevel: 0.31,
      roundTripTime: 0.012,
      dtlsState: 'connected',
      iceState: 'connected',
      connectionState: 'connected',
    });
    expect(await phone.stats('call-unknown')).toBeNull();
  });

  it('re-attaches once when the media connection fails while signalling works', async () => {
    const { phone, ws, pc } = await inCall();
    pc.setConnectionState('failed');
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(pc.closed).toBe(true);
    expect(ws.ofType('answer')).toHaveLength(2);
    // a second failure before it ever connected again is left to the next welcome
    FakePeerConnection.last().setConnectionState('failed');
    await settle();
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(phone.calls).toHaveLength(1);
  });
});

describe('dialling', () => {
  it('dials, then attaches the media of the new call at once', async () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    const dialing = phone.dial(' +15550001111 ', '+15551230000');
    expect(ws.ofType('dial')).toEqual([{ type: 'dial', number: '+15550001111', from: '+15551230000' }]);
    const outbound = aCall({ callId: 'call-out', direction: 'outbound', state: 'connecting', from: '+15559870000', to: '+15550001111' });
    delete outbound.contact;
    ws.receive({ type: 'call', call: outbound });
    await expect(dialing).resolves.toEqual(outbound);
    await settle();
    expect(of('call')).toEqual([outbound]);
    expect(ws.ofType('answer')).toEqual([{ type: 'answer', callId: 'call-out', sdp: FakePeerConnection.last().localDescription?.sdp }]);
    phone.dial('5551234');
    expect(ws.ofType('dial')[1]).toEqual({ type: 'dial', number: '5551234' });
  });

  it('says which queue the call is made for, with or without a caller id', () => {
    const { phone } = softphone();
    const ws = connect(phone);
    phone.dial('+15550001111', { queueId: 'q-renewals' });
    phone.dial('+15550001112', { from: '+15551230000', queueId: 'q-sales' });
    phone.dial('+15550001113', {});
    expect(ws.ofType('dial')).toEqual([
      { type: 'dial', number: '+15550001111', queueId: 'q-renewals' },
      { type: 'dial', number: '+15550001112', from: '+15551230000', queueId: 'q-sales' },
      { type: 'dial', number: '+15550001113' },
    ]);
  });

  it('rejects a refused dial, a dial with nothing to call and a dial while disconnected', async () => {
    const { phone, of } = softphone();
    await expect(phone.dial('+15550001111')).rejects.toMatchObject({ code: 'not-connected' });
    const ws = connect(phone);
    await expect(phone.dial('  ')).rejects.toMatchObject({ code: 'invalid-message' });
    // fields the gateway would refuse (its reply names no dial, so the SDK must not wait for one)
    await expect(phone.dial('call mom')).rejects.toMatchObject({ code: 'invalid-message', message: expect.stringContaining('number') });
    await expect(phone.dial('+15550001111', 'the office')).rejects.toMatchObject({ message: expect.stringContaining('from') });
    await expect(phone.dial('+15550001111', { queueId: 'a b' })).rejects.toMatchObject({ message: expect.stringContaining('queueId') });
    await expect(phone.dial('+15550001111', { queueId: 'q'.repeat(65) })).rejects.toMatchObject({ code: 'invalid-message' });
    expect(ws.ofType('dial')).toEqual([]);
    const dialing = phone.dial('+15550001111');
    ws.receive({ type: 'error', code: 'dial-refused', message: 'No trunk can take the call.', reason: 'no-trunk' });
    await expect(dialing).rejects.toMatchObject({ code: 'dial-refused', message: 'No trunk can take the call.', reason: 'no-trunk' });
    expect(of('error')).toEqual([{ code: 'dial-refused', message: 'No trunk can take the call.', reason: 'no-trunk' }]);
    expect(FakePeerConnection.instances).toHaveLength(0);
  });

  it('gives up on a dial the gateway never starts', async () => {
    vi.useFakeTimers();
    try {
      const { phone } = softphone({ dialTimeoutMs: 5000 });
      connect(phone);
      const dialing = phone.dial('+15550001111');
      const outcome = dialing.catch((e: unknown) => e);
      vi.advanceTimersByTime(5000);
      expect(await outcome).toMatchObject({ code: 'dial-timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('errors and bad frames', () => {
  it('surfaces the gateway’s errors as events', () => {
    const { phone, of } = softphone();
    const ws = connect(phone);
    ws.receive({ type: 'error', code: 'unknown-call', message: 'No call call-9.', callId: 'call-9' });
    ws.receive({ type: 'error', code: 'invalid-state', message: 'Not while BUSY.', extra: 'ignored' });
    expect(of('error')).toEqual([
      { code: 'unknown-call', message: 'No call call-9.', callId: 'call-9' },
      { code: 'invalid-state', message: 'Not while BUSY.' },
    ]);
  });

  it('ignores frames that are not well-formed messages', async () => {
    const { phone, events } = softphone();
    const ws = connect(phone);
    const before = events.length;
    ws.receive('not json');
    ws.receive('[1,2]');
    ws.receive('null');
    ws.receive({ no: 'type' });
    ws.receive({ type: 42 });
    ws.receive({ type: 'surprise', call: aCall() });
    ws.receive(new ArrayBuffer(4));
    ws.receive({ type: 'incoming', call: { ...aCall(), callId: undefined } });
    ws.receive({ type: 'incoming', call: { ...aCall(), state: 'exploded' } });
    ws.receive({ type: 'incoming', call: { ...aCall(), muted: 'no' } });
    ws.receive({ type: 'incoming' });
    ws.receive({ type: 'call', call: { ...aCall(), contact: { id: 'k-1' } } });
    ws.receive({ type: 'ended', reason: 'caller-hangup' });
    ws.receive({ type: 'answered', callId: 'call-1' });
    ws.receive({ type: 'state', state: 'SLEEPING' });
    ws.receive({ type: 'error', message: 'no code' });
    ws.receive({ type: 'welcome', agentId: 'agent-7', state: { state: 'AVAILABLE' }, calls: [{ callId: 'x' }] });
    ws.receive({ type: 'welcome', agentId: '', state: { state: 'AVAILABLE' }, calls: [] });
    await settle();
    expect(events.slice(before)).toEqual([]);
    expect(phone.calls).toEqual([]);
    // and the connection still works
    ws.receive({ type: 'incoming', call: aCall(), unknownField: true });
    expect(events.slice(before)).toEqual([['incoming', { ...aCall() }]]);
  });
});
