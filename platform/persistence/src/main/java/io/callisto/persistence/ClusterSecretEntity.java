package io.callisto.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code cluster_secrets}: global, one per name, never updated. */
@Entity
@Table(name = "cluster_secrets")
class ClusterSecretEntity {
    @Id
    @Column(name = "name")
    private String name;
    @Column(name = "secret")
    private String secret;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ClusterSecretEntity() {
        // for JPA
    }

    ClusterSecretEntity(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    String secret() {
        return secret;
    }
}
