package org.claimledger.common.db;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * What every row of the ledger has: a UUID id, its row version (the ETag), when it was created and
 * last changed, and when it was (softly) deleted; a deleted row is kept but no longer served.
 * Hibernate stamps createdAt on insert and updatedAt on every insert and update, from this JVM's
 * clock at the microsecond precision PostgreSQL keeps, so that an answer equals a later read.
 */
@MappedSuperclass
public abstract class LedgerEntity {

    @Id
    public UUID id;
    @CreationTimestamp(source = SourceType.VM)
    public Instant createdAt;
    @UpdateTimestamp(source = SourceType.VM)
    public Instant updatedAt;
    @Version
    public long version;
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Marks the row changed although none of its own columns did (a row it owns changed): the next
     * flush writes it, which bumps its version and stamps updatedAt. Until then updatedAt is unset.
     */
    public void touch() {
        updatedAt = null;
    }
}
