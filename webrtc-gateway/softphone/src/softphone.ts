import { Emitter } from './emitter.js';
import {
  audioSender,
  closeLeg,
  isBroken,
  isDead,
  newLeg,
  setTrackEnabled,
  stopStream,
  summarize,
  type CallStats,
  type Leg,
} from './media.js';
import {
  DTMF_DIGITS,
  type AgentStateInfo,
  type Call,
  type ClientMessage,
  type ServerMessage,
  type SettableState,
  type WelcomeMessage,
} from './protocol.js';
import { Signalling, type SignallingStatus } from './signalling.js';
import {
  SoftphoneError,
  type ConnectionInfo,
  type DialOptions,
  type SoftphoneEvents,
  type SoftphoneOptions,
} from './types.js';

interface Entry {
  call: Call;
  leg: Leg | null;
  /** The attach in progress (getUserMedia, createOffer), so that a second one does not race it. */
  attaching: Promise<void> | null;
  /** What the attach in progress does. */
  attachingMode: AttachMode | null;
  /** Re-attaches after the connection failed, since it last connected. */
  repairs: number;
  /** The agent answered this call here (until then a ringing call's media is only prepared). */
  answering: boolean;
}

type AttachMode = 'prepare' | 'answer';

/** An inbound call offered to the agent and not answered yet. */
function ringingInbound(call: Call): boolean {
  return call.direction === 'inbound' && call.state === 'ringing';
}

interface PendingDial {
  resolve: (call: Call) => void;
  reject: (error: SoftphoneError) => void;
  timer: ReturnType<typeof setTimeout>;
}

const DEFAULT_DIAL_TIMEOUT_MS = 30_000;

/**
 * The browser softphone: signalling with the gateway over a WebSocket and one RTCPeerConnection per call.
 * The gateway is the source of truth: a socket that drops does not drop calls; after reconnecting (or a reload)
 * the SDK re-attaches the media of calls in progress. See README.md.
 */
export class Softphone {
  private readonly options: SoftphoneOptions;
  private readonly events = new Emitter<SoftphoneEvents>();
  private readonly entries = new Map<string, Entry>();
  private readonly dials: PendingDial[] = [];
  private readonly signalling: Signalling;
  private connectionInfo: ConnectionInfo = { state: 'closed', agentId: null, retryInMs: null };
  private agentState: AgentStateInfo | null = null;
  private inputDeviceId: string | null = null;
  private outputDeviceId: string | null = null;
  private audio: HTMLMediaElement | null = null;
  private playing: MediaStream | null = null;

  constructor(options: SoftphoneOptions) {
    this.options = options;
    this.signalling = new Signalling(
      { ...options, device: device(options.device) },
      { message: (m) => this.onMessage(m), status: (s) => this.onStatus(s) },
    );
  }

  // --- state ----------------------------------------------------------------------------------

  get connection(): ConnectionInfo {
    return this.connectionInfo;
  }

  get agentId(): string | null {
    return this.connectionInfo.agentId;
  }

  get state(): AgentStateInfo | null {
    return this.agentState;
  }

  /** The calls in progress, as the gateway last described them. */
  get calls(): Call[] {
    return [...this.entries.values()].map((e) => e.call);
  }

  call(callId: string): Call | null {
    return this.entries.get(callId)?.call ?? null;
  }

  on<K extends keyof SoftphoneEvents>(event: K, handler: (payload: SoftphoneEvents[K]) => void): () => void {
    return this.events.on(event, handler);
  }

  // --- connection -----------------------------------------------------------------------------

  /** Opens the signalling socket and keeps it open (reconnecting with backoff) until {@link close}. */
  connect(): void {
    this.signalling.start();
  }

  /**
   * Closes the socket, stops reconnecting and releases the microphone. Calls are not hung up: the gateway keeps
   * them, and a new Softphone (a reloaded page) re-attaches them.
   */
  close(): void {
    this.signalling.stop();
    this.failDials('not-connected', 'The softphone was closed.');
    for (const entry of this.entries.values()) {
      if (entry.leg) closeLeg(entry.leg);
      entry.leg = null;
    }
    this.setConnection({ state: 'closed', retryInMs: null, closeCode: undefined });
  }

  /** The reconnect delay of attempt `attempt` (0-based), without jitter. */
  delayFor(attempt: number): number {
    return this.signalling.delayFor(attempt);
  }

  private onStatus(status: SignallingStatus): void {
    if (status.state === 'connecting') {
      this.setConnection({ state: 'connecting', retryInMs: null, closeCode: undefined });
      return;
    }
    this.failDials('not-connected', 'The connection to the gateway was lost.');
    if (status.closeCode === 4000) {
      // another tab or device of the agent took over: it re-attaches the calls; free this one's microphone
      for (const [callId, entry] of [...this.entries]) this.drop(callId, entry, 'gone');
    }
    this.setConnection({ state: 'closed', retryInMs: status.retryInMs, closeCode: status.closeCode });
  }

  private setConnection(change: Omit<ConnectionInfo, 'agentId'> & { agentId?: string | null }): void {
    const next: ConnectionInfo = { ...this.connectionInfo, ...change };
    if (next.closeCode === undefined) delete next.closeCode;
    const prev = this.connectionInfo;
    this.connectionInfo = next;
    if (
      prev.state !== next.state ||
      prev.agentId !== next.agentId ||
      prev.retryInMs !== next.retryInMs ||
      prev.closeCode !== next.closeCode
    ) {
      this.events.emit('connection', next);
    }
  }

  private send(message: ClientMessage): boolean {
    return this.signalling.send(message);
  }

  /** Sends a call control message; reports `not-connected` when it cannot. */
  private control(message: ClientMessage & { callId?: string }): boolean {
    if (this.send(message)) return true;
    this.events.emit('error', {
      code: 'not-connected',
      message: 'The softphone is not connected; try again when it is.',
      ...(message.callId ? { callId: message.callId } : {}),
    });
    return false;
  }

  // --- messages from the gateway --------------------------------------------------------------

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.onWelcome(message);
        break;
      case 'incoming': {
        const known = this.entries.has(message.call.callId);
        this.upsert(message.call);
        this.events.emit(known ? 'call' : 'incoming', message.call);
        this.prepare(message.call.callId);
        break;
      }
      case 'call':
        this.onCall(message.call);
        break;
      case 'answered':
      case 'prepared':
        void this.onAnswered(message.callId, message.sdp);
        break;
      case 'ended': {
        const entry = this.entries.get(message.callId);
        this.drop(message.callId, entry, message.reason);
        break;
      }
      case 'state':
        this.agentState = { state: message.state, reason: message.reason ?? null };
        this.events.emit('state', this.agentState);
        break;
      case 'error':
        this.onError(message.code, message.message, message.callId, message.reason);
        break;
      case 'pong':
        break;
    }
  }

  private onWelcome(message: WelcomeMessage): void {
    // a working connection: the next drop starts the backoff over
    this.signalling.resetBackoff();
    this.agentState = { state: message.state.state, reason: message.state.reason ?? null };
    this.setConnection({ state: 'connected', agentId: message.agentId, retryInMs: null, closeCode: undefined });
    this.events.emit('state', this.agentState);
    const live = new Set(message.calls.map((c) => c.callId));
    for (const [callId, entry] of [...this.entries]) {
      if (!live.has(callId)) this.drop(callId, entry, 'gone');
    }
    for (const call of message.calls) {
      const known = this.entries.has(call.callId);
      const entry = this.upsert(call);
      this.events.emit(!known && ringingInbound(call) ? 'incoming' : 'call', call);
      if (this.needsMedia(entry)) this.reattach(call.callId);
      else this.prepare(call.callId);
    }
  }

  /** Whether a call in progress has no working media in this page (reload, network blip, unanswered offer). */
  private needsMedia(entry: Entry): boolean {
    // everything but an inbound call still ringing has (or had) media: outbound calls attach it while they ring
    if (ringingInbound(entry.call) || entry.attaching) return false;
    return entry.leg === null || isDead(entry.leg);
  }

  private onCall(call: Call): void {
    const known = this.entries.has(call.callId);
    const entry = this.upsert(call);
    if (entry.leg) setTrackEnabled(entry.leg, !call.muted);
    if (!known && call.direction === 'outbound' && this.dials.length > 0) {
      const dial = this.dials.shift() as PendingDial;
      clearTimeout(dial.timer);
      this.events.emit('call', call);
      dial.resolve(call);
      // attach the media at once: the gateway rings the number meanwhile
      this.reattach(call.callId);
      return;
    }
    this.events.emit('call', call);
  }

  private async onAnswered(callId: string, sdp: string): Promise<void> {
    const leg = this.entries.get(callId)?.leg;
    if (!leg || leg.closed || leg.answered) return;
    leg.answered = true;
    try {
      await leg.pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (e) {
      this.events.emit('error', { code: 'media-error', message: `The gateway's SDP answer was refused: ${text(e)}`, callId });
    }
  }

  private onError(code: string, message: string, callId?: string, reason?: string): void {
    const entry = callId ? this.entries.get(callId) : undefined;
    const lost = code === 'not-prepared' || (code === 'media-failed' && entry?.call.state === 'ringing');
    if (callId && entry?.leg?.prepared && lost) {
      // the prepared media is gone at the gateway: drop it here; an answer (now, or when it comes) sends an offer,
      // and reports its own failure if that fails too
      closeLeg(entry.leg);
      entry.leg = null;
      if (entry.answering) this.reattach(callId);
      return;
    }
    if (!callId && (code === 'dial-refused' || code === 'busy') && this.dials.length > 0) {
      const dial = this.dials.shift() as PendingDial;
      clearTimeout(dial.timer);
      dial.reject(new SoftphoneError(code, message, undefined, reason));
    }
    this.events.emit('error', { code, message, ...(callId ? { callId } : {}), ...(reason ? { reason } : {}) });
  }

  private upsert(call: Call): Entry {
    const entry = this.entries.get(call.callId);
    if (entry) {
      entry.call = call;
      return entry;
    }
    const created: Entry = { call, leg: null, attaching: null, repairs: 0, answering: false, attachingMode: null };
    this.entries.set(call.callId, created);
    return created;
  }

  /** Forgets a call: closes its connection, releases the microphone, tells the listeners. */
  private drop(callId: string, entry: Entry | undefined, reason: string): void {
    if (entry) {
      this.entries.delete(callId);
      if (entry.leg) {
        if (entry.leg.remote && entry.leg.remote === this.playing) this.play(null);
        closeLeg(entry.leg);
      }
      entry.leg = null;
    }
    this.events.emit('ended', { callId, reason, call: entry?.call ?? null });
  }

  private failDials(code: string, message: string): void {
    for (const dial of this.dials.splice(0)) {
      clearTimeout(dial.timer);
      dial.reject(new SoftphoneError(code, message));
    }
  }

  // --- media ----------------------------------------------------------------------------------

  /** Whether a call's media is only prepared: an inbound call ringing that the agent has not answered here. */
  private preparing(entry: Entry): boolean {
    return ringingInbound(entry.call) && !entry.answering;
  }

  /** Connects a ringing call's media ahead of the answer (`preconnect`), reporting failures as `error` events. */
  private prepare(callId: string): void {
    const entry = this.entries.get(callId);
    if (this.options.preconnect === false || !entry || !this.preparing(entry)) return;
    if (entry.attaching || (entry.leg && !isBroken(entry.leg))) return;
    this.reattach(callId);
  }

  /** Attaches new media to a call without waiting, reporting failures as `error` events. */
  private reattach(callId: string): void {
    const entry = this.entries.get(callId);
    this.attach(callId, entry && this.preparing(entry) ? 'prepare' : 'answer').catch((e: unknown) => {
      const error = asSoftphoneError(e, callId);
      this.events.emit('error', { code: error.code, message: error.message, callId });
    });
  }

  /**
   * Attaches a new RTCPeerConnection to a call: microphone, offer, `answer{callId, sdp}`, candidates trickled.
   * The gateway's `answered` completes it. Replaces (closes) any previous connection of the call.
   */
  private attach(callId: string, mode: AttachMode): Promise<void> {
    const entry = this.entries.get(callId);
    if (!entry) return Promise.reject(new SoftphoneError('unknown-call', `No call ${callId} here.`, callId));
    if (entry.attaching) return entry.attaching;
    const attempt = this.doAttach(callId, entry, mode).finally(() => {
      entry.attaching = null;
      entry.attachingMode = null;
    });
    entry.attaching = attempt;
    entry.attachingMode = mode;
    return attempt;
  }

  private async doAttach(callId: string, entry: Entry, mode: AttachMode): Promise<void> {
    const stream = await this.microphone(callId);
    if (this.entries.get(callId) !== entry || !this.signalling.running) {
      stopStream(stream);
      return;
    }
    const track = stream.getAudioTracks()[0];
    if (!track) {
      stopStream(stream);
      throw new SoftphoneError('media-error', 'The microphone gave no audio track.', callId);
    }
    let pc: RTCPeerConnection;
    try {
      pc = this.peerConnection({ iceServers: [] });
    } catch (e) {
      stopStream(stream);
      throw new SoftphoneError('media-error', `No RTCPeerConnection: ${text(e)}`, callId);
    }
    const leg = newLeg(pc, stream, mode);
    if (entry.leg) {
      if (entry.leg.remote && entry.leg.remote === this.playing) this.play(null);
      closeLeg(entry.leg);
    }
    entry.leg = leg;
    // a prepared leg sends silence until the agent answers
    setTrackEnabled(leg, mode === 'answer' && !entry.call.muted);
    pc.onicecandidate = (event: RTCPeerConnectionIceEvent) => this.onCandidate(callId, leg, event.candidate);
    pc.ontrack = (event: RTCTrackEvent) => {
      if (leg.closed) return;
      leg.remote = event.streams[0] ?? (typeof MediaStream === 'function' ? new MediaStream([event.track]) : null);
      if (leg.mode === 'answer') this.play(leg.remote);
    };
    pc.onconnectionstatechange = () => this.onConnectionState(callId, leg);
    try {
      pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      if (entry.leg !== leg || leg.closed) return;
      const sdp = pc.localDescription?.sdp ?? offer.sdp ?? '';
      if (!this.send({ type: mode, callId, sdp })) {
        // the welcome of the next connection re-attaches it
        throw new SoftphoneError('not-connected', 'The softphone is not connected.', callId);
      }
      leg.offerSent = true;
      for (const candidate of leg.pending.splice(0)) this.send({ type: 'candidate', callId, candidate });
    } catch (e) {
      if (e instanceof SoftphoneError) throw e;
      if (entry.leg === leg) entry.leg = null;
      closeLeg(leg);
      throw new SoftphoneError('media-error', `Could not make an SDP offer: ${text(e)}`, callId);
    }
  }

  private async microphone(callId: string): Promise<MediaStream> {
    const audio: MediaTrackConstraints | boolean = this.inputDeviceId ? { deviceId: { exact: this.inputDeviceId } } : true;
    try {
      return await this.getUserMedia({ audio, video: false });
    } catch (e) {
      throw new SoftphoneError('media-error', `No microphone: ${text(e)}`, callId);
    }
  }

  private onCandidate(callId: string, leg: Leg, candidate: RTCIceCandidate | null): void {
    if (leg.closed || this.entries.get(callId)?.leg !== leg) return;
    const line = candidate?.candidate ?? '';
    if (line === '') {
      if (leg.endSent) return;
      leg.endSent = true;
    }
    if (!leg.offerSent) {
      leg.pending.push(line);
      return;
    }
    this.send({ type: 'candidate', callId, candidate: line });
  }

  private onConnectionState(callId: string, leg: Leg): void {
    const entry = this.entries.get(callId);
    if (!entry || entry.leg !== leg || leg.closed) return;
    if (leg.pc.connectionState === 'connected') {
      entry.repairs = 0;
    } else if (leg.pc.connectionState === 'failed' && this.connectionInfo.state === 'connected' && entry.repairs < 1) {
      // the media path broke while signalling works: one fresh offer re-attaches it (welcome does it otherwise)
      entry.repairs += 1;
      this.reattach(callId);
    }
  }

  private play(stream: MediaStream | null): void {
    this.playing = stream;
    if (!this.audio) return;
    this.audio.srcObject = stream;
    if (stream) this.resume(this.audio);
  }

  /**
   * Starts the element (autoplay may be refused after a reload, before the user touched the page): when the
   * browser refuses, says so and tries again on the next click or key press on the page.
   */
  private resume(element: HTMLMediaElement): void {
    const started = typeof element.play === 'function' ? element.play() : undefined;
    if (!started || typeof started.catch !== 'function') return;
    started.catch((e: unknown) => {
      if (!(e instanceof Error && e.name === 'NotAllowedError') || typeof document === 'undefined') return;
      this.events.emit('error', {
        code: 'media-error',
        message: 'The browser did not let the call audio play: click anywhere on the page to hear the caller.',
      });
      const retry = () => {
        document.removeEventListener('click', retry, true);
        document.removeEventListener('keydown', retry, true);
        if (this.audio === element && element.srcObject) void element.play().catch(() => undefined);
      };
      document.addEventListener('click', retry, true);
      document.addEventListener('keydown', retry, true);
    });
  }

  private peerConnection(configuration: RTCConfiguration): RTCPeerConnection {
    if (this.options.peerConnection) return this.options.peerConnection(configuration);
    return new RTCPeerConnection(configuration);
  }

  private getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (this.options.getUserMedia) return this.options.getUserMedia(constraints);
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      return Promise.reject(new Error('getUserMedia is not available (a secure origin is needed)'));
    }
    return navigator.mediaDevices.getUserMedia(constraints);
  }

  // --- agent actions --------------------------------------------------------------------------

  /** Asks the ACD for a state; the gateway answers (and pushes) `state`. `reason` only with AWAY. */
  setState(state: SettableState, reason?: string): boolean {
    return this.control(state === 'AWAY' && reason ? { type: 'state', state, reason } : { type: 'state', state });
  }

  /**
   * Answers a ringing call: with its prepared media when there is one (`answer` without an offer), else microphone,
   * offer, `answer`. On a connected call, re-attaches the media.
   */
  async answer(callId: string): Promise<void> {
    const entry = this.entries.get(callId);
    if (!entry) throw new SoftphoneError('unknown-call', `No call ${callId} here.`, callId);
    const ringing = ringingInbound(entry.call);
    entry.answering = true;
    if (entry.attaching && entry.attachingMode === 'answer') return entry.attaching;
    if (entry.attaching) await entry.attaching.catch(() => undefined);
    const leg = entry.leg;
    if (ringing && leg && leg.mode === 'prepare' && leg.offerSent && !isBroken(leg)) {
      if (!this.send({ type: 'answer', callId })) {
        throw new SoftphoneError('not-connected', 'The softphone is not connected.', callId);
      }
      leg.mode = 'answer';
      setTrackEnabled(leg, !entry.call.muted);
      if (leg.remote) this.play(leg.remote);
      return;
    }
    return this.attach(callId, 'answer');
  }

  reject(callId: string): boolean {
    return this.control({ type: 'reject', callId });
  }

  hangup(callId: string): boolean {
    return this.control({ type: 'hangup', callId });
  }

  /** Mutes the microphone here (the track is disabled) and at the gateway (`mute`). */
  mute(callId: string, on: boolean): boolean {
    const leg = this.entries.get(callId)?.leg;
    if (leg) setTrackEnabled(leg, !on);
    return this.control({ type: 'mute', callId, mute: on });
  }

  hold(callId: string, on: boolean): boolean {
    return this.control({ type: 'hold', callId, hold: on });
  }

  /**
   * Sends DTMF digits (0-9 * # A-D): in band through RTCDTMFSender when the call's sender can, else with the
   * `dtmf` message (the gateway sends RFC 4733 events). Throws a TypeError for other digits.
   */
  sendDtmf(callId: string, digits: string): boolean {
    const tones = digits.toUpperCase();
    if (!DTMF_DIGITS.test(tones)) throw new TypeError('DTMF digits are 0-9 * # A-D, 1 to 32 of them');
    const leg = this.entries.get(callId)?.leg;
    const dtmf = leg && !leg.closed ? audioSender(leg)?.dtmf : null;
    if (dtmf && dtmf.canInsertDTMF) {
      try {
        dtmf.insertDTMF(tones, 100, 70);
        return true;
      } catch {
        // fall back to the gateway
      }
    }
    return this.control({ type: 'dtmf', callId, digits: tones });
  }

  /** Blind transfer to a queue or an agent: the gateway answers `ended{reason:"transferred"}`. */
  transfer(callId: string, target: { queueId: string } | { agentId: string }): boolean {
    const queueId = 'queueId' in target ? target.queueId : undefined;
    const agentId = 'agentId' in target ? target.agentId : undefined;
    if ((queueId ? 1 : 0) + (agentId ? 1 : 0) !== 1) {
      throw new TypeError('transfer needs exactly one of queueId and agentId');
    }
    return this.control(queueId ? { type: 'transfer', callId, queueId } : { type: 'transfer', callId, agentId: agentId as string });
  }

  /** Attended transfer, step one: the caller is held while the colleague rings. */
  consult(callId: string, agentId: string): boolean {
    return this.control({ type: 'consult', callId, agentId });
  }

  completeTransfer(callId: string): boolean {
    return this.control({ type: 'complete-transfer', callId });
  }

  cancelConsult(callId: string): boolean {
    return this.control({ type: 'cancel-consult', callId });
  }

  /**
   * Calls a number through the tenant's trunk: resolves to the outbound call once the gateway created it (and the
   * SDK has started attaching its media); rejects with `dial-refused`, `busy`, `not-connected` or `dial-timeout`.
   * `options` names the caller id and the queue the call is made for; a string alone is the caller id.
   */
  dial(number: string, options?: DialOptions | string): Promise<Call> {
    const to = number.trim();
    if (to === '') return Promise.reject(new SoftphoneError('invalid-message', 'Enter the number to call.'));
    const { from, queueId } = typeof options === 'string' ? { from: options, queueId: undefined } : (options ?? {});
    // what the gateway would refuse is refused here: its invalid-message names no dial, so a pending dial would wait
    const invalid = dialProblem(to, from, queueId);
    if (invalid) return Promise.reject(new SoftphoneError('invalid-message', invalid));
    if (!this.send({ type: 'dial', number: to, ...(from ? { from } : {}), ...(queueId ? { queueId } : {}) })) {
      return Promise.reject(new SoftphoneError('not-connected', 'The softphone is not connected; try again when it is.'));
    }
    return new Promise<Call>((resolve, reject) => {
      const dial: PendingDial = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const at = this.dials.indexOf(dial);
          if (at >= 0) this.dials.splice(at, 1);
          reject(new SoftphoneError('dial-timeout', 'The gateway did not start the call.'));
        }, this.options.dialTimeoutMs ?? DEFAULT_DIAL_TIMEOUT_MS),
      };
      this.dials.push(dial);
    });
  }

  // --- devices and audio ----------------------------------------------------------------------

  /** Uses another microphone: for new calls, and at once for calls in progress (RTCRtpSender.replaceTrack). */
  async setInputDevice(deviceId: string | null): Promise<void> {
    this.inputDeviceId = deviceId || null;
    for (const [callId, entry] of this.entries) {
      const leg = entry.leg;
      if (!leg || leg.closed) continue;
      const stream = await this.microphone(callId);
      const track = stream.getAudioTracks()[0];
      const sender = audioSender(leg);
      if (!track || !sender || leg.closed) {
        stopStream(stream);
        continue;
      }
      // muted stays muted (the local mute may be ahead of the gateway's `call`)
      track.enabled = leg.stream.getAudioTracks()[0]?.enabled ?? !entry.call.muted;
      await sender.replaceTrack(track);
      stopStream(leg.stream);
      leg.stream = stream;
    }
  }

  /** Plays the calls on another output device (HTMLMediaElement.setSinkId, where the browser has it). */
  async setOutputDevice(deviceId: string | null): Promise<void> {
    this.outputDeviceId = deviceId || null;
    await this.applySink();
  }

  /** The element that plays the remote audio (an `<audio autoplay>`); null detaches it. */
  remoteAudio(element: HTMLMediaElement | null): void {
    if (this.audio && this.audio !== element) this.audio.srcObject = null;
    this.audio = element;
    if (!element) return;
    element.srcObject = this.playing;
    if (this.playing) this.resume(element);
    this.applySink().catch((e: unknown) => {
      this.events.emit('error', { code: 'media-error', message: `Cannot use the audio output: ${text(e)}` });
    });
  }

  private async applySink(): Promise<void> {
    const element = this.audio as (HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (!element || typeof element.setSinkId !== 'function') return;
    await element.setSinkId(this.outputDeviceId ?? '');
  }

  /** A summary of the call's RTCPeerConnection stats; null when the call has no media here. */
  async stats(callId: string): Promise<CallStats | null> {
    const leg = this.entries.get(callId)?.leg;
    if (!leg || leg.closed) return null;
    return summarize(await leg.pc.getStats(), leg.pc);
  }
}

/** What `hello` says: the given device, else the browser's user agent; at most 200 characters. */
function device(given: string | undefined): string | undefined {
  const value = given ?? (typeof navigator !== 'undefined' ? navigator.userAgent : undefined);
  return value ? value.slice(0, 200) : undefined;
}

function text(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function asSoftphoneError(e: unknown, callId: string): SoftphoneError {
  return e instanceof SoftphoneError ? e : new SoftphoneError('media-error', text(e), callId);
}

const DIALLABLE = /^\+?[0-9]{1,32}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Why the gateway would refuse this dial's fields (as its signalling schema says), or null. */
function dialProblem(number: string, from: string | undefined, queueId: string | undefined): string | null {
  if (!DIALLABLE.test(number)) return 'number: must be an E.164 number (+ and the country code) or digits.';
  if (from && !DIALLABLE.test(from)) return 'from: must be one of the tenant\'s numbers (E.164).';
  if (queueId && !ID.test(queueId)) return 'queueId: must be a queue id.';
  return null;
}
