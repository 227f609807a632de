package org.claimledger.history;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of one claim or article: its changes and whole state, chained by hash to the one before. */
@Entity
@Immutable
@Table(name = "history_entry")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;
    @Enumerated(EnumType.STRING)
    public EntityType entityType;
    public UUID entityId;
    public long rev;
    @Enumerated(EnumType.STRING)
    public ChangeType type;
    /** The changed field paths, for the field filter. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> fields;
    /** Canonical JSON of {type, changes, snapshot}: exactly the text that was hashed. */
    public String content;
    public String prevHash;
    public String hash;
    /** This entry's leaf in the ledger's Merkle tree: SHA-256(0x00 || its leaf bytes), see ledger/Leaf. */
    public byte[] leafHash;
}
