package io.callisto.gateway.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless, unforgeable nonces: base64url(issue time in ms | 8 random bytes | HMAC-SHA256 of both under a
 * server secret). Any gateway node with the same secret can check any node's nonce, and no nonce store
 * grows with traffic; only the replay window ({@link DigestVerifier}) keeps per-nonce state.
 */
public final class DigestNonces {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private static final int TIME = 8;
    private static final int RANDOM = 8;
    private static final int MAC = 32;
    /** Base64url without padding of the 48 raw bytes. */
    private static final int LENGTH = 64;

    private final SecretKeySpec key;
    private final long lifetimeMillis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** What a nonce is worth now. */
    public enum Freshness { FRESH, STALE, FORGED }

    /** The result of checking a nonce: its freshness and, when authentic, when it was issued. */
    record Check(Freshness freshness, long issuedAtMillis) {
    }

    public DigestNonces(byte[] secret) {
        this(secret, DEFAULT_LIFETIME, Clock.systemUTC());
    }

    public DigestNonces(byte[] secret, Duration lifetime, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the nonce lifetime must be positive");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.lifetimeMillis = lifetime.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new nonce, valid for the lifetime from now. */
    public String issue() {
        byte[] raw = new byte[TIME + RANDOM + MAC];
        ByteBuffer.wrap(raw).putLong(clock.millis());
        byte[] salt = new byte[RANDOM];
        random.nextBytes(salt);
        System.arraycopy(salt, 0, raw, TIME, RANDOM);
        System.arraycopy(mac(raw), 0, raw, TIME + RANDOM, MAC);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Whether a nonce is ours and still within its lifetime. */
    public Freshness freshness(String nonce) {
        return check(nonce).freshness();
    }

    Check check(String nonce) {
        if (nonce == null || nonce.length() != LENGTH) {
            return new Check(Freshness.FORGED, 0);
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return new Check(Freshness.FORGED, 0);
        }
        if (raw.length != TIME + RANDOM + MAC
                || !MessageDigest.isEqual(mac(raw), Arrays.copyOfRange(raw, TIME + RANDOM, raw.length))) {
            return new Check(Freshness.FORGED, 0);
        }
        long issuedAt = ByteBuffer.wrap(raw).getLong();
        // tolerate a nonce from "the future" as much as from the past: another node's clock may run ahead
        long age = clock.millis() - issuedAt;
        return new Check(Math.abs(age) <= lifetimeMillis ? Freshness.FRESH : Freshness.STALE, issuedAt);
    }

    private byte[] mac(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(raw, 0, TIME + RANDOM);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
