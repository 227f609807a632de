package org.claimledger.history;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One transaction that changed audited data: when, by whom, why, in which request. */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionStamp.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    public long id;

    /** Envers' own clock, in epoch milliseconds; {@link #at} is the one the API shows. */
    @RevisionTimestamp
    public long timestamp;

    public Instant at;
    public String actor;
    public String reason;
    public String requestId;
}
