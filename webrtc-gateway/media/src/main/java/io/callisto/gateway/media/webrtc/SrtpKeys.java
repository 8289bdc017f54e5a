package io.callisto.gateway.media.webrtc;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts a DTLS handshake exported (RFC 5764 4.2): the material is client key | server key |
 * client salt | server salt. The DTLS client protects what it sends with the client's, the server with the server's.
 */
public record SrtpKeys(SrtpProfile profile, byte[] clientKey, byte[] serverKey, byte[] clientSalt, byte[] serverSalt) {
    public SrtpKeys {
        Objects.requireNonNull(profile);
        if (clientKey.length != profile.keyLength() || serverKey.length != profile.keyLength()
                || clientSalt.length != profile.saltLength() || serverSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException("key or salt lengths do not match " + profile);
        }
        clientKey = clientKey.clone();
        serverKey = serverKey.clone();
        clientSalt = clientSalt.clone();
        serverSalt = serverSalt.clone();
    }

    /** How many bytes of keying material the profile needs. */
    static int materialLength(SrtpProfile profile) {
        return 2 * (profile.keyLength() + profile.saltLength());
    }

    /** Splits exported keying material. */
    static SrtpKeys split(SrtpProfile profile, byte[] material) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != materialLength(profile)) {
            throw new IllegalArgumentException("expected " + materialLength(profile) + " bytes of keying material");
        }
        return new SrtpKeys(profile, Arrays.copyOfRange(material, 0, k), Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s), Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeys other && profile == other.profile && Arrays.equals(clientKey, other.clientKey)
                && Arrays.equals(serverKey, other.serverKey) && Arrays.equals(clientSalt, other.clientSalt)
                && Arrays.equals(serverSalt, other.serverSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(clientKey), Arrays.hashCode(serverKey));
    }

    /** Never the keys: records end up in logs. */
    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]";
    }
}
