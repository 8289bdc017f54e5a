package io.callisto.gateway.call;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Refer-To value: the user part of its SIP URI (a blind transfer's target name), or the dialog its Replaces
 * header names (an attended transfer, RFC 3891: the consultation call the transferor set up).
 */
final class TransferTargets {
    private static final Pattern SIP_USER = Pattern.compile("^\\s*<?\\s*sips?:([^@;>?]{1,128})@[^>]*>?.*$");
    private static final Pattern REPLACES = Pattern.compile("[?&]Replaces=([^&>\\s]{1,1024})", Pattern.CASE_INSENSITIVE);

    /** The dialog a Replaces header names: its Call-ID and the two tags. */
    record Replaces(String callId, String toTag, String fromTag) {
    }

    private TransferTargets() {
    }

    /** The user of the URI, or null when the value is no sip: URI with a user (or carries Replaces: attended). */
    static String userOf(String referTo) {
        if (referTo == null || referTo.length() > 1024
                || referTo.toLowerCase(java.util.Locale.ROOT).contains("replaces=")) {
            return null;
        }
        Matcher m = SIP_USER.matcher(referTo);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The dialog named by the URI's Replaces header ({@code ?Replaces=<call-id>%3Bto-tag%3D<t>%3Bfrom-tag%3D<f>}),
     * if it has one with a Call-ID and both tags.
     */
    static Optional<Replaces> replacesOf(String referTo) {
        if (referTo == null || referTo.length() > 2048) {
            return Optional.empty();
        }
        Matcher m = REPLACES.matcher(referTo);
        if (!m.find()) {
            return Optional.empty();
        }
        String value;
        try {
            // percent-decoding only: '+' is legal, unescaped, in Call-IDs and tags
            value = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = value.split(";");
        String callId = parts[0].trim();
        String toTag = null;
        String fromTag = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("to-tag")) {
                toTag = kv[1].trim();
            } else if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("from-tag")) {
                fromTag = kv[1].trim();
            }
        }
        if (callId.isEmpty() || toTag == null || toTag.isEmpty() || fromTag == null || fromTag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Replaces(callId, toTag, fromTag));
    }

    /** Where a blind transfer goes: exactly one of them, or neither when the target is nobody of the tenant. */
    record Target(String queueId, String agentId) {
    }

    /** A REFER's target: another agent of the tenant by SIP username, else one of its queues by id. */
    static Target resolve(CallServices services, io.callisto.core.ids.TenantId tenant, String referTo) {
        String user = userOf(referTo);
        String toAgent = user == null ? null : services.phones().agentWithSipUsername(tenant, user).orElse(null);
        String toQueue = toAgent != null || user == null ? null
                : services.acd().snapshot(tenant).queue(user).map(q -> q.id()).orElse(null);
        return new Target(toQueue, toAgent);
    }
}
