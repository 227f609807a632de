package org.claimledger.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A newsroom tool's or dashboard's credential. Only the SHA-256 of the secret is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The first characters of the secret, to recognise a key without revealing it. */
    public String prefix;
    public String secretHash;
    public Instant createdAt;
    public Instant lastUsedAt;
    public Instant revokedAt;
}
