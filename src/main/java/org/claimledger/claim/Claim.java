package org.claimledger.claim;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One discrete assertion an article makes, with its verification status. */
@Entity
@Table(name = "claim")
public class Claim extends LedgerEntity {

    public String statement;
    @Enumerated(EnumType.STRING)
    public ClaimType type;
    public String claimant;
    @Enumerated(EnumType.STRING)
    public ClaimantKind claimantKind;
    public LocalDate claimDate;
    public String language;
    public String location;
    public LocalDate eventDate;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ClaimStatus status;
    public String explanation;
    /** When the current verdict was given; null without one. */
    public Instant verdictAt;
    public UUID supersededBy;
    public Instant supersededAt;
    /** The claim the desk tracks, when a checker confirmed this one says the same; never itself a duplicate. */
    public UUID duplicateOf;
    public Instant duplicateMarkedAt;

    @Embedded
    @EmbeddedColumnNaming("quantity_%s")
    public Quantity quantity;
    @Embedded
    @EmbeddedColumnNaming("attribution_%s")
    public Attribution attribution;
}
