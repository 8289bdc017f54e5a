/**
 * SDP (RFC 8866, formerly 4566) for the gateway's SIP legs: an immutable model
 * ({@link io.callisto.gateway.sip.sdp.SessionDescription}), a strict parser that only ever fails with
 * {@link io.callisto.gateway.sip.sdp.SdpException}, a canonical writer, and the RFC 3264 offer/answer
 * rules of a G.711 B2BUA that never transcodes ({@link io.callisto.gateway.sip.sdp.OfferAnswer}).
 *
 * <p>Plain JDK on purpose: call control sees these types, never JAIN-SIP's {@code javax.sdp}. No method
 * here resolves a host name; connection addresses must be IP literals.
 */
package io.callisto.gateway.sip.sdp;
