package org.claimledger.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import java.util.UUID;

/** That a claim appears in, is cited by or is fact-checked in an article. One per claim and article. */
@Entity
@Table(name = "claim_article")
public class ArticleLink extends LedgerEntity {

    public UUID claimId;
    public UUID articleId;
    @Enumerated(EnumType.STRING)
    public LinkRole role;
    public String excerpt;
}
