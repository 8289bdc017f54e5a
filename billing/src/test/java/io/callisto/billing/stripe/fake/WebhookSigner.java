package io.callisto.billing.stripe.fake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code Stripe-Signature} headers by hand, as Stripe does: {@code t=<unix seconds>,v1=<hex>} where the hex is the
 * lowercase HMAC-SHA256 of {@code "<t>.<payload>"} keyed with the UTF-8 bytes of the endpoint secret (the whole
 * {@code whsec_...} string, not a decoded form of it).
 */
public final class WebhookSigner {

    private final String secret;
    private final Clock clock;

    public WebhookSigner(String secret) {
        this(secret, Clock.systemUTC());
    }

    public WebhookSigner(String secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String secret() {
        return secret;
    }

    /** Signs at this signer's clock's current second. */
    public String sign(String payload) {
        return sign(payload, clock.instant());
    }

    /** Signs as if sent at {@code at}; use an old instant to test the receiver's timestamp tolerance. */
    public String sign(String payload, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
    }

    /** A signer with another secret and the same clock, for forged signatures. */
    public WebhookSigner signWith(String otherSecret) {
        return new WebhookSigner(otherSecret, clock);
    }

    static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
