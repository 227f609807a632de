package org.claimledger.article;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.claimledger.common.db.LedgerEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published story that makes or fact-checks claims. */
@Entity
@Table(name = "article")
public class Article extends LedgerEntity {

    public String url;
    /** The url normalised for uniqueness: lower-case scheme and host, no trailing slash. */
    public String urlKey;
    public String title;
    public String publisher;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> authors = new ArrayList<>();
    public Instant publishedAt;
    public String language;
}
