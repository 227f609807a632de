package org.claimledger.source;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.UUID;

/** Evidence for or against one claim. */
@Entity
@Audited
@Table(name = "source")
public class Source {

    @Id
    public UUID id;
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
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
