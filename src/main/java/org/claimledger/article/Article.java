package org.claimledger.article;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published story that makes or fact-checks claims. */
@Entity
@Audited
@Table(name = "article")
public class Article {

    @Id
    public UUID id;
    public String url;
    /** The url normalised for uniqueness: lower-case scheme and host, no trailing slash. */
    public String urlKey;
    public String title;
    public String publisher;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> authors = new ArrayList<>();
    public Instant publishedAt;
    public String language;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
