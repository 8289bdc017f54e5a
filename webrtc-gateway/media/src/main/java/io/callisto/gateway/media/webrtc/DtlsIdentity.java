package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The gateway's DTLS identity toward browsers: an ECDSA P-256 key and a self-signed certificate (SHA-256 with ECDSA,
 * what Chromium accepts), announced in the SDP as {@code a=fingerprint:sha-256 ...}. One per gateway process; the
 * fingerprint, not a CA, is what the browser checks.
 */
public final class DtlsIdentity {
    private static final Duration VALIDITY = Duration.ofDays(30);
    private final BcTlsCrypto crypto;
    private final Certificate certificate;
    private final AsymmetricKeyParameter privateKey;
    private final String fingerprint;

    private DtlsIdentity(BcTlsCrypto crypto, Certificate certificate, AsymmetricKeyParameter privateKey) {
        this.crypto = crypto;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.fingerprint = Fingerprints.of("sha-256", encoded(certificate));
    }

    /** A fresh key and certificate. */
    public static DtlsIdentity generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=callisto-gateway");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            BcTlsCrypto crypto = new BcTlsCrypto(random);
            TlsCertificate tlsCertificate = crypto.createCertificate(holder.getEncoded());
            return new DtlsIdentity(crypto, new Certificate(new TlsCertificate[] {tlsCertificate}),
                    PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a DTLS certificate", e);
        }
    }

    /** The SDP fingerprint value: {@code sha-256 AB:CD:...}. */
    public String fingerprint() {
        return fingerprint;
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    Certificate certificate() {
        return certificate;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    static byte[] encoded(Certificate certificate) {
        try {
            return certificate.getCertificateAt(0).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }
}
