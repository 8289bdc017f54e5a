/**
 * The gateway's media plane: RTP relay between the legs of a B2BUA call ({@code rtp}) and the
 * audio around it ({@code audio}: G.711, WAV prompts, ringback, stereo recording). Plain JDK
 * only; no tenant logic, no other Callisto module.
 */
package io.callisto.gateway.media;
