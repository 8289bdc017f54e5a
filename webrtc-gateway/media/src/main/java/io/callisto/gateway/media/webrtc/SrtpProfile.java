package io.callisto.gateway.media.webrtc;

import org.bouncycastle.tls.SRTPProtectionProfile;
import org.jitsi.srtp.SrtpPolicy;

/**
 * The SRTP protection profiles the gateway negotiates in DTLS's use_srtp extension (RFC 5764, RFC 7714), with the key
 * and salt lengths the keying material is split by and the jitsi-srtp policy that protects packets.
 */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 16, 14),
    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 16, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The profile's number in use_srtp. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** The authentication tag appended to each protected packet. */
    public int tagLength() {
        return this == AES_CM_128_HMAC_SHA1_80 ? 10 : 16;
    }

    /** A fresh policy for one crypto context (contexts keep state, so never share one). */
    SrtpPolicy policy() {
        return this == AES_CM_128_HMAC_SHA1_80
                ? new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, saltLength)
                : new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength, SrtpPolicy.NULL_AUTHENTICATION, 0, 16, saltLength);
    }

    /** The profile with this use_srtp number, if the gateway supports it. */
    static java.util.Optional<SrtpProfile> byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
