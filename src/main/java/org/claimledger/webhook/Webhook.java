package org.claimledger.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription to the ledger's events, delivered to {@link #url} and signed with {@link #secret}. */
@Entity
@Table(name = "webhook")
class Webhook {

    @Id
    UUID id;
    String url;
    String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> events;
    boolean enabled;
    String disabledReason;
    String secret;
    String previousSecret;
    Instant previousSecretUntil;
    /** The ledger revision up to which deliveries have been created. */
    long cursor;
    Instant nextRunAt;
    Instant leaseUntil;
    UUID leaseToken;
    Instant createdAt;
    Instant updatedAt;
    @Version
    long version;
}
