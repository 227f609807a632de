package org.claimledger.claim;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import org.claimledger.common.time.FuzzyDate;
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
    /** As given, with the precision of its source: 2021-08-26, 2021-08, 2021, 2019/2020 (see FuzzyDate). */
    public String claimDate;
    /** The first and last day claimDate can mean, which filters compare. */
    public LocalDate claimDateFirst;
    public LocalDate claimDateLast;
    public String language;
    public String location;
    public String eventDate;
    public LocalDate eventDateFirst;
    public LocalDate eventDateLast;
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

    FuzzyDate claimDate() {
        return claimDate == null ? null : new FuzzyDate(claimDate, claimDateFirst, claimDateLast);
    }

    FuzzyDate eventDate() {
        return eventDate == null ? null : new FuzzyDate(eventDate, eventDateFirst, eventDateLast);
    }

    /** Keeps each date's text and the days it can mean together. */
    void setDates(FuzzyDate claimDate, FuzzyDate eventDate) {
        this.claimDate = claimDate == null ? null : claimDate.text();
        this.claimDateFirst = claimDate == null ? null : claimDate.first();
        this.claimDateLast = claimDate == null ? null : claimDate.last();
        this.eventDate = eventDate == null ? null : eventDate.text();
        this.eventDateFirst = eventDate == null ? null : eventDate.first();
        this.eventDateLast = eventDate == null ? null : eventDate.last();
    }
}
