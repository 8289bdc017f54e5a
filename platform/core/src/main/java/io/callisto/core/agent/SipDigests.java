package io.callisto.core.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** HA1 = H(username ":" realm ":" password), as HTTP digest (RFC 7616) and SIP registrars use it. */
public final class SipDigests {
    private SipDigests() {
    }

    public static AgentSettings.SipDigest of(String username, String realm, String password) {
        String a1 = username + ":" + realm + ":" + password;
        return new AgentSettings.SipDigest(hash("MD5", a1), hash("SHA-256", a1));
    }

    public static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
