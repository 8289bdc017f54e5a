/**
 * Audio around the relay: G.711 coding, WAV prompts and a generated ringback played through
 * {@link io.callisto.gateway.media.rtp.RtpBridge#play}, and a stereo WAV recorder fed by a
 * {@link io.callisto.gateway.media.rtp.MediaTap}. Nothing here runs per packet on the relay thread
 * except the recorder's copy into its queue and the players' frame copy.
 */
package io.callisto.gateway.media.audio;
