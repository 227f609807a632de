package org.claimledger.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import org.hibernate.envers.Audited;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One discrete assertion an article makes, with its verification status. */
@Entity
@Audited
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

    @Enumerated(EnumType.STRING)
    public Measure quantityMeasure;
    public String quantitySubject;
    @Enumerated(EnumType.STRING)
    public Qualifier quantityQualifier;
    public BigDecimal quantityValue;
    public BigDecimal quantityUpperValue;
    public String quantityUnit;

    public String attributionActor;
    @Enumerated(EnumType.STRING)
    public AttributionRole attributionRole;
    public String attributionAttributedBy;


    Quantity quantity() {
        return quantityMeasure == null ? null : new Quantity(quantityMeasure, quantitySubject, quantityQualifier,
                quantityValue, quantityUpperValue, quantityUnit);
    }

    Attribution attribution() {
        return attributionActor == null ? null : new Attribution(attributionActor, attributionRole, attributionAttributedBy);
    }

    void setQuantity(Quantity q) {
        quantityMeasure = q == null ? null : q.measure();
        quantitySubject = q == null ? null : q.subject();
        quantityQualifier = q == null ? null : q.qualifier();
        quantityValue = q == null ? null : q.value();
        quantityUpperValue = q == null ? null : q.upperValue();
        quantityUnit = q == null ? null : q.unit();
    }

    void setAttribution(Attribution a) {
        attributionActor = a == null ? null : a.actor();
        attributionRole = a == null ? null : a.role();
        attributionAttributedBy = a == null ? null : a.attributedBy();
    }
}
