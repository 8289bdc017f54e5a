/** One RTCPeerConnection of a call (a call gets a new one when its media is re-attached), and its stats. */

export type PeerConnectionFactory = (configuration: RTCConfiguration) => RTCPeerConnection;
export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

export interface Leg {
  readonly pc: RTCPeerConnection;
  /** The microphone stream sent on this leg. */
  stream: MediaStream;
  /** What the gateway sends (the caller's voice), once `ontrack` gave it. */
  remote: MediaStream | null;
  /** `prepare`: made while the call rings, not yet answered; `answer`: the call's media. */
  mode: 'prepare' | 'answer';
  /** Made by `prepare` (answered or not). */
  readonly prepared: boolean;
  /** Whether the offer (`answer` or `prepare`) went out: candidates found before wait for it. */
  offerSent: boolean;
  /** Whether the gateway's SDP answer was applied. */
  answered: boolean;
  pending: string[];
  endSent: boolean;
  closed: boolean;
}

/** A summary of `RTCPeerConnection.getStats()` for debugging and tests. */
export interface CallStats {
  /** RTP packets received from the gateway (audio). */
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  bytesSent: number;
  packetsLost: number;
  /** Seconds. */
  jitter: number;
  /** The level of the received audio, 0..1. */
  audioLevel: number;
  /** Seconds, of the selected candidate pair; null before one is selected. */
  roundTripTime: number | null;
  dtlsState: string;
  iceState: string;
  connectionState: string;
}

const DEAD = new Set(['failed', 'disconnected', 'closed']);

/** Whether a leg can no longer carry the call's audio: its connection broke, or its offer was never answered. */
export function isDead(leg: Leg): boolean {
  return isBroken(leg) || (leg.offerSent && !leg.answered);
}

/** Whether a leg's connection is closed or broke (an offer still waiting for its answer is not broken). */
export function isBroken(leg: Leg): boolean {
  return leg.closed || DEAD.has(leg.pc.connectionState) || DEAD.has(leg.pc.iceConnectionState);
}

export function newLeg(pc: RTCPeerConnection, stream: MediaStream, mode: 'prepare' | 'answer' = 'answer'): Leg {
  return { pc, stream, mode, prepared: mode === 'prepare', remote: null, offerSent: false, answered: false, pending: [], endSent: false, closed: false };
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) {
    try {
      track.stop();
    } catch {
      // already stopped
    }
  }
}

/** Closes the connection and releases the microphone. */
export function closeLeg(leg: Leg): void {
  if (leg.closed) return;
  leg.closed = true;
  leg.pc.onicecandidate = null;
  leg.pc.ontrack = null;
  leg.pc.onconnectionstatechange = null;
  try {
    leg.pc.close();
  } catch {
    // already closed
  }
  stopStream(leg.stream);
}

/** The audio sender of a leg (the one transceiver). */
export function audioSender(leg: Leg): RTCRtpSender | null {
  return leg.pc.getSenders().find((s) => s.track?.kind === 'audio') ?? leg.pc.getSenders()[0] ?? null;
}

/** Enables or disables the leg's microphone track (mute is local too, not only the gateway's). */
export function setTrackEnabled(leg: Leg, enabled: boolean): void {
  for (const track of leg.stream.getAudioTracks()) {
    track.enabled = enabled;
  }
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Sums up a stats report: received and sent audio, the received level, the DTLS state. */
export function summarize(report: RTCStatsReport, pc: RTCPeerConnection): CallStats {
  const stats: CallStats = {
    packetsReceived: 0,
    packetsSent: 0,
    bytesReceived: 0,
    bytesSent: 0,
    packetsLost: 0,
    jitter: 0,
    audioLevel: 0,
    roundTripTime: null,
    dtlsState: 'new',
    iceState: pc.iceConnectionState,
    connectionState: pc.connectionState,
  };
  let levelFromTrack: number | null = null;
  let inboundLevel: number | null = null;
  report.forEach((entry: Record<string, unknown>) => {
    const kind = entry.kind ?? entry.mediaType;
    switch (entry.type) {
      case 'inbound-rtp':
        if (kind !== undefined && kind !== 'audio') break;
        stats.packetsReceived += num(entry.packetsReceived);
        stats.bytesReceived += num(entry.bytesReceived);
        stats.packetsLost += num(entry.packetsLost);
        stats.jitter = Math.max(stats.jitter, num(entry.jitter));
        if (typeof entry.audioLevel === 'number') inboundLevel = entry.audioLevel;
        break;
      case 'outbound-rtp':
        if (kind !== undefined && kind !== 'audio') break;
        stats.packetsSent += num(entry.packetsSent);
        stats.bytesSent += num(entry.bytesSent);
        break;
      case 'transport':
        if (typeof entry.dtlsState === 'string') stats.dtlsState = entry.dtlsState;
        break;
      case 'track':
        // older browsers: the received level is on the remote track's stats
        if (entry.remoteSource === true && typeof entry.audioLevel === 'number') levelFromTrack = entry.audioLevel;
        break;
      case 'candidate-pair':
        if ((entry.nominated === true || entry.selected === true) && typeof entry.currentRoundTripTime === 'number') {
          stats.roundTripTime = entry.currentRoundTripTime;
        }
        break;
      default:
        break;
    }
  });
  stats.audioLevel = inboundLevel ?? levelFromTrack ?? 0;
  return stats;
}
