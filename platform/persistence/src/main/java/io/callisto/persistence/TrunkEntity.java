package io.callisto.persistence;

import io.callisto.core.agent.AgentSettings.SipDigest;
import io.callisto.core.telephony.Trunk;
import io.callisto.core.telephony.TrunkKind;
import io.callisto.core.telephony.TrunkTransport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Row of {@code trunks}; tenant scoped like {@link UserEntity}. The password is kept in clear (the gateway answers
 * carriers' digest challenges with it); allowed IPs and failover hosts are JSON lists in their given order.
 */
@Entity
@Table(name = "trunks")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = JpaTransactions.TENANT_PROPERTY, length = 64,
        primaryKey = true)
class TrunkEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "name")
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private TrunkKind kind;
    @Column(name = "host")
    private String host;
    @Column(name = "port")
    private int port;
    @Enumerated(EnumType.STRING)
    @Column(name = "transport")
    private TrunkTransport transport;
    @Column(name = "username")
    private String username;
    @Column(name = "password")
    private String password;
    @Column(name = "digest_md5")
    private String digestMd5;
    @Column(name = "digest_sha256")
    private String digestSha256;
    @Column(name = "register_to_carrier")
    private boolean register;
    @Column(name = "register_expires_seconds")
    private int registerExpiresSeconds;
    @Column(name = "allowed_ips")
    private String allowedIps;
    @Column(name = "failover_hosts")
    private String failoverHosts;
    @Column(name = "caller_id")
    private String callerId;
    @Column(name = "max_channels")
    private int maxChannels;
    @Column(name = "enabled")
    private boolean enabled;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TrunkEntity() {
        // for JPA
    }

    TrunkEntity(Trunk trunk) {
        this.id = trunk.id();
        copyFrom(trunk);
    }

    final void copyFrom(Trunk t) {
        name = t.name();
        kind = t.kind();
        host = t.host();
        port = t.port();
        transport = t.transport();
        username = t.username();
        password = t.password();
        digestMd5 = t.inboundDigest() == null ? null : t.inboundDigest().md5();
        digestSha256 = t.inboundDigest() == null ? null : t.inboundDigest().sha256();
        register = t.register();
        registerExpiresSeconds = t.registerExpiresSeconds();
        allowedIps = JsonText.ofStringList(t.allowedIps());
        failoverHosts = JsonText.ofStringList(t.failoverHosts());
        callerId = t.callerId();
        maxChannels = t.maxChannels();
        enabled = t.enabled();
        createdAt = t.createdAt();
        updatedAt = t.updatedAt();
    }

    String name() {
        return name;
    }

    Trunk toTrunk() {
        SipDigest digest = digestMd5 == null ? null : new SipDigest(digestMd5, digestSha256);
        return new Trunk(id, name, kind, host, port, transport, username, password, digest, register,
                registerExpiresSeconds, JsonText.stringList(allowedIps), JsonText.stringList(failoverHosts), callerId,
                maxChannels, enabled, createdAt, updatedAt);
    }
}
