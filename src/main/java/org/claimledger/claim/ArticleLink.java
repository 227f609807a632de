package org.claimledger.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.UUID;

/** That a claim appears in, is cited by or is fact-checked in an article. One per claim and article. */
@Entity
@Audited
@Table(name = "claim_article")
public class ArticleLink {

    @Id
    public UUID id;
    public UUID claimId;
    public UUID articleId;
    @Enumerated(EnumType.STRING)
    public LinkRole role;
    public String excerpt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
