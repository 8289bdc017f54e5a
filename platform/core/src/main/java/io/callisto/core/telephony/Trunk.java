package io.callisto.core.telephony;

import io.callisto.core.agent.AgentSettings.SipDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A SIP trunk as an admin configures it: a carrier's or the tenant's PBX. Inbound INVITEs are accepted from the
 * {@code allowedIps} (addresses or CIDR blocks) or when they pass digest authentication with the credentials;
 * {@code register} makes the gateway REGISTER to the carrier with them, renewing every
 * {@code registerExpiresSeconds}. Outbound calls go to {@code host:port}, then to each of the {@code failoverHosts}
 * ({@code host} or {@code host:port}) in order.
 *
 * <p>The password is kept (the gateway needs it to answer a carrier's digest challenge); it is write-only in the
 * API and never printed by {@link #toString()}. {@code inboundDigest} holds the HA1 hashes of the credentials with
 * the tenant's id as realm, so that inbound digest authentication from a PBX is verified without the password.
 */
public record Trunk(String id, String name, TrunkKind kind, String host, int port, TrunkTransport transport,
                    String username, String password, SipDigest inboundDigest, boolean register,
                    int registerExpiresSeconds, List<String> allowedIps, List<String> failoverHosts, String callerId,
                    int maxChannels, boolean enabled, Instant createdAt, Instant updatedAt) {
    public Trunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        allowedIps = List.copyOf(allowedIps);
        failoverHosts = List.copyOf(failoverHosts);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((username == null) != (password == null) || (password == null) != (inboundDigest == null)) {
            throw new IllegalArgumentException("username, password and digest are given together or not at all");
        }
    }

    /** True when the trunk has a username and password (for REGISTER, outbound and inbound digest auth). */
    public boolean hasCredentials() {
        return password != null;
    }

    /** Whether an inbound INVITE from this address may come from this trunk by its allow-list. */
    public boolean allows(java.net.InetAddress source) {
        return allowedIps.stream().anyMatch(entry -> IpBlock.parse(entry).map(b -> b.contains(source)).orElse(false));
    }

    /** Never the password or its digests: records end up in logs. */
    @Override
    public String toString() {
        return "Trunk[id=" + id + ", name=" + name + ", kind=" + kind + ", host=" + host + ", port=" + port
                + ", transport=" + transport + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", register=" + register + ", allowedIps=" + allowedIps + ", enabled=" + enabled + "]";
    }
}
