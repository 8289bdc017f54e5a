/**
 * RTP relay of a SIP B2BUA: port pool, packet parsing, symmetric RTP latching, stream rewriting
 * (SSRC, sequence, timestamp, payload type), hold, RTCP relay, prompts' pacing and the NIO loops
 * that run it all. Entry point: {@link io.callisto.gateway.media.rtp.RelayEngine}.
 *
 * <p>Threading: every bridge (both of its legs) lives on one {@link io.callisto.gateway.media.rtp.RelayLoop}
 * thread, so all per-call state is confined to that thread and the hot path needs no lock. Other
 * threads only write a few volatile settings (direction, payload maps, tap) and read counters.
 */
package io.callisto.gateway.media.rtp;
