/** Stand-ins for the browser: a WebSocket the test drives, an RTCPeerConnection that records, a microphone. */

/** A WebSocket stand-in: records every socket made and every frame sent; the test opens, feeds and drops them. */
export class MockWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: MockWebSocket[] = [];

  static reset(): void {
    MockWebSocket.instances = [];
  }

  static last(): MockWebSocket {
    const socket = MockWebSocket.instances[MockWebSocket.instances.length - 1];
    if (!socket) throw new Error('no WebSocket was opened');
    return socket;
  }

  readonly url: string;
  readyState = MockWebSocket.CONNECTING;
  closedByClient: number | null = null;
  readonly sent: string[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    MockWebSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== MockWebSocket.OPEN) throw new Error('InvalidStateError: not open');
    this.sent.push(data);
  }

  close(code = 1005): void {
    this.closedByClient = code;
    this.readyState = MockWebSocket.CLOSED;
  }

  // --- driven by the test ---

  /** The messages sent, parsed. */
  messages(): Array<Record<string, unknown>> {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }

  /** The messages sent of one type. */
  ofType(type: string): Array<Record<string, unknown>> {
    return this.messages().filter((m) => m.type === type);
  }

  open(): void {
    this.readyState = MockWebSocket.OPEN;
    this.onopen?.({ type: 'open' } as Event);
  }

  receive(message: unknown): void {
    const data = typeof message === 'string' || message instanceof ArrayBuffer ? message : JSON.stringify(message);
    this.onmessage?.({ type: 'message', data } as MessageEvent);
  }

  drop(code = 1006): void {
    this.readyState = MockWebSocket.CLOSED;
    this.onerror?.({ type: 'error' } as Event);
    this.onclose?.({ type: 'close', code, wasClean: false, reason: '' } as CloseEvent);
  }
}

export class FakeTrack {
  enabled = true;
  stopped = false;
  readonly kind = 'audio';

  constructor(readonly id: string, readonly deviceId: string | null) {}

  stop(): void {
    this.stopped = true;
  }
}

export class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}

  getTracks(): FakeTrack[] {
    return this.tracks;
  }

  getAudioTracks(): FakeTrack[] {
    return this.tracks;
  }
}

/** A microphone: every getUserMedia makes a new stream with one track, and records the constraints. */
export function fakeMicrophone() {
  const requests: MediaStreamConstraints[] = [];
  const streams: FakeStream[] = [];
  let failWith: Error | null = null;
  const getUserMedia = async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    requests.push(constraints);
    if (failWith) throw failWith;
    const audio = constraints.audio as { deviceId?: { exact?: string } } | boolean;
    const deviceId = typeof audio === 'object' ? (audio.deviceId?.exact ?? null) : null;
    const stream = new FakeStream([new FakeTrack(`mic-${streams.length + 1}`, deviceId)]);
    streams.push(stream);
    return stream as unknown as MediaStream;
  };
  return {
    getUserMedia,
    requests,
    streams,
    fail(error: Error | null) {
      failWith = error;
    },
  };
}

export class FakeDtmfSender {
  readonly inserted: Array<{ tones: string; duration?: number; gap?: number }> = [];
  constructor(public canInsertDTMF: boolean) {}

  insertDTMF(tones: string, duration?: number, gap?: number): void {
    this.inserted.push({ tones, duration, gap });
  }
}

export class FakeSender {
  readonly replaced: FakeTrack[] = [];
  constructor(
    public track: FakeTrack,
    readonly dtmf: FakeDtmfSender | null,
  ) {}

  async replaceTrack(track: FakeTrack): Promise<void> {
    this.replaced.push(track);
    this.track = track;
  }
}

/** An RTCPeerConnection stand-in: records what the SDK does, and lets the test fire its events. */
export class FakePeerConnection {
  static instances: FakePeerConnection[] = [];
  /** Whether new connections' senders can insert DTMF in band. */
  static canInsertDTMF = true;
  static hasDtmf = true;

  static reset(): void {
    FakePeerConnection.instances = [];
    FakePeerConnection.canInsertDTMF = true;
    FakePeerConnection.hasDtmf = true;
  }

  static last(): FakePeerConnection {
    const pc = FakePeerConnection.instances[FakePeerConnection.instances.length - 1];
    if (!pc) throw new Error('no RTCPeerConnection was made');
    return pc;
  }

  readonly transceivers: Array<{ track: FakeTrack; direction: string; streams: FakeStream[] }> = [];
  readonly senders: FakeSender[] = [];
  localDescription: { type: string; sdp: string } | null = null;
  remoteDescription: { type: string; sdp: string } | null = null;
  connectionState: RTCPeerConnectionState = 'new';
  iceConnectionState: RTCIceConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  closed = false;
  stats: Array<Record<string, unknown>> = [];
  failRemoteDescription = false;
  onicecandidate: ((event: { candidate: { candidate: string } | null }) => void) | null = null;
  ontrack: ((event: { track: FakeTrack; streams: FakeStream[] }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;

  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.instances.push(this);
  }

  addTransceiver(track: FakeTrack, init: { direction: string; streams: FakeStream[] }): void {
    this.transceivers.push({ track, direction: init.direction, streams: init.streams });
    const dtmf = FakePeerConnection.hasDtmf ? new FakeDtmfSender(FakePeerConnection.canInsertDTMF) : null;
    this.senders.push(new FakeSender(track, dtmf));
  }

  getSenders(): FakeSender[] {
    return this.senders;
  }

  async createOffer(): Promise<{ type: 'offer'; sdp: string }> {
    return { type: 'offer', sdp: `v=0\r\no=- ${FakePeerConnection.instances.indexOf(this) + 1} 1 IN IP4 127.0.0.1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0 8 101\r\na=sendrecv\r\n` };
  }

  async setLocalDescription(description: { type: string; sdp: string }): Promise<void> {
    this.localDescription = description;
    this.signalingState = 'have-local-offer';
  }

  async setRemoteDescription(description: { type: string; sdp: string }): Promise<void> {
    if (this.failRemoteDescription) throw new Error('InvalidAccessError: bad SDP');
    this.remoteDescription = description;
    this.signalingState = 'stable';
  }

  async getStats(): Promise<Map<string, Record<string, unknown>>> {
    return new Map(this.stats.map((s, i) => [String(s.id ?? i), s]));
  }

  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
    this.signalingState = 'closed';
  }

  // --- driven by the test ---

  candidate(line: string | null): void {
    this.onicecandidate?.({ candidate: line === null ? null : { candidate: line } });
  }

  remoteTrack(): FakeStream {
    const stream = new FakeStream([new FakeTrack('remote', null)]);
    this.ontrack?.({ track: stream.tracks[0] as FakeTrack, streams: [stream] });
    return stream;
  }

  setConnectionState(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.iceConnectionState = state === 'connecting' ? 'checking' : (state as RTCIceConnectionState);
    this.onconnectionstatechange?.();
  }
}

export const peerConnectionFactory = (configuration: RTCConfiguration): RTCPeerConnection =>
  new FakePeerConnection(configuration) as unknown as RTCPeerConnection;

/** Lets the promises queued so far (getUserMedia, createOffer, …) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await Promise.resolve();
  }
}
