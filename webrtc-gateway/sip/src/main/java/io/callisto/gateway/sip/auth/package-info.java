/**
 * SIP digest authentication (RFC 3261 22, RFC 7616, RFC 8760): the registrar's and trunks' server side
 * ({@link io.callisto.gateway.sip.auth.DigestChallenger}, {@link io.callisto.gateway.sip.auth.DigestVerifier})
 * with stateless HMAC nonces, and the client side towards carriers ({@link io.callisto.gateway.sip.auth.DigestClient}).
 *
 * <p>Plain JDK, header values only: the SIP layer copies them in and out of JAIN-SIP headers. The server
 * side never sees a password, only the stored HA1 hashes (as {@code io.callisto.core.agent.SipDigests} makes them).
 */
package io.callisto.gateway.sip.auth;
