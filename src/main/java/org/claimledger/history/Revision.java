package org.claimledger.history;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One transaction that changed the ledger: when, by whom, why, in which request. Written by
 * {@link HistoryService#record} with the first entry of its transaction; the column xid (the
 * writing transaction, defaulted by PostgreSQL) is not mapped.
 */
@Entity
@Table(name = "revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    public Instant at;
    public String actor;
    public String reason;
    public String requestId;
}
