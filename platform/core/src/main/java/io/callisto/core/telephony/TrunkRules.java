package io.callisto.core.telephony;

import io.callisto.core.agent.AgentSettings.SipDigest;
import io.callisto.core.agent.SipDigests;
import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.TenantId;
import io.callisto.core.telephony.TrunkService.TrunkInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Validates a trunk's input and merges it into the current trunk (or the defaults), reporting every field at once. */
final class TrunkRules {
    static final int DEFAULT_REGISTER_EXPIRES = 3600;
    static final int DEFAULT_MAX_CHANNELS = 100;
    static final int MAX_CHANNELS = 10_000;
    static final int MAX_ALLOWED_IPS = 50;
    static final int MAX_FAILOVER_HOSTS = 10;
    /** The user part of a SIP URI: unreserved, escaped and user-unreserved characters (RFC 3261). */
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]{1,128}$");

    private TrunkRules() {
    }

    static Trunk merge(TenantId tenant, Trunk t, TrunkInput in, Instant now) {
        Validator v = new Validator();
        String name = in.name() == null ? t.name() : in.name().trim();
        v.require(!name.isEmpty() && name.length() <= 100, "name", "1 to 100 characters");
        TrunkKind kind = in.kind() == null ? t.kind() : parse(TrunkKind.class, in.kind(), v, "kind", "one of CARRIER, PBX");
        String host = in.host() == null ? t.host() : in.host();
        v.require(SipHost.isHost(host), "host", "a host name or IP address (no scheme, port or spaces; at most 253 characters)");
        TrunkTransport transport = in.transport() == null ? t.transport()
                : parse(TrunkTransport.class, in.transport(), v, "transport", "one of UDP, TCP, TLS");
        int port = port(v, in.port(), t, transport);
        String username = in.clears("username") ? null : in.username() != null ? in.username() : t.username();
        String password = in.clears("password") ? null : in.password() != null ? in.password() : t.password();
        v.require(username == null || USERNAME.matcher(username).matches(), "username",
                "1 to 128 characters of a SIP URI's user part (letters, digits, - _ . ! ~ * ' ( ) & = + $ , ; ? / %)");
        v.require(password == null || (!password.isEmpty() && password.length() <= 128
                && password.chars().noneMatch(Character::isISOControl)), "password",
                "1 to 128 characters, no control characters");
        v.require(username != null || password == null, "username", "is required with a password");
        v.require(password != null || username == null, "password", "is required with a username");
        boolean register = in.register() == null ? t.register() : in.register();
        int expires = range(v, "registerExpiresSeconds", in.registerExpiresSeconds(), t.registerExpiresSeconds(), 60, 86_400);
        List<String> allowedIps = in.allowedIps() == null ? t.allowedIps() : allowedIps(v, in.allowedIps());
        List<String> failover = in.failoverHosts() == null ? t.failoverHosts() : failoverHosts(v, in.failoverHosts());
        String callerId = in.clears("callerId") ? null : in.callerId() != null ? callerId(v, in.callerId()) : t.callerId();
        int maxChannels = range(v, "maxChannels", in.maxChannels(), t.maxChannels(), 1, MAX_CHANNELS);
        boolean enabled = in.enabled() == null ? t.enabled() : in.enabled();
        v.require(!register || password != null, "register", "registering needs a username and password");
        v.require(!allowedIps.isEmpty() || password != null, "allowedIps",
                "give allowedIps or a username and password (or both), so that inbound calls can be authenticated");
        v.throwIfInvalid();
        SipDigest digest = password == null ? null : SipDigests.of(username, tenant.value(), password);
        return new Trunk(t.id(), name, kind, host, port, transport, username, password, digest, register, expires,
                allowedIps, failover, callerId, maxChannels, enabled, t.createdAt(), now);
    }

    /** As given; else the current port, or the new transport's default when the current one is the old default. */
    private static int port(Validator v, Integer given, Trunk t, TrunkTransport transport) {
        if (given != null) {
            v.require(given >= 1 && given <= 65_535, "port", "must be 1 to 65535");
            return given;
        }
        return t.port() == t.transport().defaultPort() ? transport.defaultPort() : t.port();
    }

    private static List<String> allowedIps(Validator v, List<String> given) {
        v.require(given.size() <= MAX_ALLOWED_IPS, "allowedIps", "at most " + MAX_ALLOWED_IPS + " entries");
        for (int i = 0; i < given.size(); i++) {
            v.require(IpBlock.parse(given.get(i)).isPresent(), "allowedIps[" + i + "]",
                    "an IPv4 or IPv6 address or CIDR block (such as 203.0.113.0/24 or 2001:db8::/32)");
        }
        return new ArrayList<>(new LinkedHashSet<>(given));
    }

    private static List<String> failoverHosts(Validator v, List<String> given) {
        v.require(given.size() <= MAX_FAILOVER_HOSTS, "failoverHosts", "at most " + MAX_FAILOVER_HOSTS + " entries");
        for (int i = 0; i < given.size(); i++) {
            v.require(SipHost.parse(given.get(i)).isPresent(), "failoverHosts[" + i + "]",
                    "host or host:port ([IPv6]:port), port 1 to 65535");
        }
        return new ArrayList<>(new LinkedHashSet<>(given));
    }

    private static String callerId(Validator v, String given) {
        String e164 = PhoneNumber.normalize(given).orElse(null);
        v.require(e164 != null, "callerId", "an E.164 number such as +15551230000");
        return e164;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, Validator v, String field, String message) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            v.require(false, field, message);
            return type.getEnumConstants()[0];
        }
    }

    private static int range(Validator v, String field, Integer value, int current, int min, int max) {
        if (value == null) {
            return current;
        }
        v.require(value >= min && value <= max, field, "must be " + min + " to " + max);
        return value;
    }
}
