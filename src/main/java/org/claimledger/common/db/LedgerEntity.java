package org.claimledger.common.db;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every row of the ledger has: a UUID id, its row version (the ETag), when it was created and
 * last changed, and when it was (softly) deleted; a deleted row is kept but no longer served.
 */
@MappedSuperclass
public abstract class LedgerEntity {

    @Id
    public UUID id;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
