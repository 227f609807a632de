package org.claimledger.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import java.time.Instant;
import java.util.UUID;

/** Evidence for or against one claim. */
@Entity
@Table(name = "source")
public class Source extends LedgerEntity {

    public UUID claimId;
    public String url;
    public String title;
    public String publisher;
    @Enumerated(EnumType.STRING)
    public SourceKind kind;
    @Enumerated(EnumType.STRING)
    public Stance stance;
    public Instant accessedAt;
    public String archivedUrl;
    public String note;
}
