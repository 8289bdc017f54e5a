package io.callisto.gateway.media.webrtc;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/** A browser's side of DTLS-SRTP, as the tests need it: DTLS 1.2, use_srtp with chosen profiles, an ECDSA certificate. */
final class TestDtlsClient extends DefaultTlsClient {
    private final DtlsIdentity identity;
    private final int[] profiles;
    private int chosen;
    volatile SrtpKeys keys;
    volatile String serverFingerprint;

    TestDtlsClient(DtlsIdentity identity, int... profiles) {
        super(identity.crypto());
        this.identity = identity;
        this.profiles = profiles;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(profiles, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(@SuppressWarnings("rawtypes") Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions).getProtectionProfiles()[0];
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
                serverFingerprint = Fingerprints.of("sha-256", certificate.getCertificate().getCertificateAt(0).getEncoded());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), identity.crypto(),
                        identity.privateKey(), identity.certificate(),
                        new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        SrtpProfile profile = SrtpProfile.byId(chosen).orElseThrow();
        keys = SrtpKeys.split(profile, context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                SrtpKeys.materialLength(profile)));
    }
}
