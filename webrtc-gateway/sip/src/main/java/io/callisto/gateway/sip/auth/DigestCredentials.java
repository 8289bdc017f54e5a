package io.callisto.gateway.sip.auth;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of an Authorization / Proxy-Authorization value the verifier needs, checked for presence and
 * form. {@code qop} is empty for RFC 2069 credentials, which then carry no nc or cnonce. qop and nc are
 * kept as the client wrote them, since that text is what went into its digest.
 */
record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                         DigestAlgorithm algorithm, Optional<String> qop, String ncText, long nc, String cnonce) {

    static DigestCredentials from(DigestParams params) {
        String algorithmName = params.get("algorithm").orElse("MD5");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(algorithmName)
                .orElseThrow(() -> new DigestException("unsupported algorithm " + shorten(algorithmName)));
        String response = required(params, "response").toLowerCase(Locale.ROOT);
        if (response.length() != algorithm.hexLength() || !response.chars().allMatch(HexFormat::isHexDigit)) {
            throw new DigestException("response is not a " + algorithm.token() + " hex digest");
        }
        Optional<String> qop = params.get("qop");
        String count = "";
        long nc = 0;
        String cnonce = "";
        if (qop.isPresent()) {
            if (!qop.get().equalsIgnoreCase("auth")) {
                throw new DigestException("unsupported qop " + shorten(qop.get()));
            }
            count = required(params, "nc");
            if (count.length() != 8 || !count.chars().allMatch(HexFormat::isHexDigit)) {
                throw new DigestException("nc must be 8 hex digits");
            }
            nc = Long.parseLong(count, 16);
            cnonce = required(params, "cnonce");
        }
        return new DigestCredentials(required(params, "username"), required(params, "realm"), required(params, "nonce"),
                required(params, "uri"), response, algorithm, qop, count, nc, cnonce);
    }

    private static String required(DigestParams params, String name) {
        String value = params.get(name).orElseThrow(() -> new DigestException("missing " + name));
        if (value.isEmpty()) {
            throw new DigestException("empty " + name);
        }
        return value;
    }

    private static String shorten(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "..." : value;
    }
}
