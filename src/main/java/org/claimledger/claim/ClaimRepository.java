package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.claimledger.common.db.Live;
import org.claimledger.common.error.Gone;
import org.claimledger.common.error.NotFound;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.claimledger.common.db.Rows;
import org.claimledger.common.time.FuzzyDate;
import org.claimledger.common.db.UuidArray;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    /** The claim; 404 or 410 unless it exists and is not deleted. */
    Claim live(UUID id) {
        return Live.orThrow(findById(id), "claim", id);
    }

    /**
     * The claim as shown, with its live sources and its links to live articles, read into records (no
     * entity loaded) in one exchange with PostgreSQL; 404 or 410 unless it exists and is not deleted.
     */
    @SuppressWarnings("unchecked")
    ClaimResponse shownLive(UUID id) {
        List<List<?>> found = Rows.all(getEntityManager(), SHOWN_WITH_CHILDREN, List.of(id, id, id),
                row -> new Object[] {shown(row), row.getObject("deleted_at")}, SourceRepository::shown,
                ArticleLinkRepository::shown);
        List<Object[]> claim = (List<Object[]>) found.get(0);
        if (claim.isEmpty()) {
            throw new NotFound("claim", id);
        }
        if (claim.get(0)[1] != null) {
            throw new Gone("claim", id);
        }
        return ((ClaimResponse) claim.get(0)[0]).withChildren((List<SourceResponse>) found.get(1),
                (List<ArticleLinkResponse>) found.get(2));
    }

    /** The live sources and the links to live articles of these claims, each oldest first. */
    record Children(List<SourceResponse> sources, List<ArticleLinkResponse> links) {
    }

    /** The live sources and the links to live articles of these claims, in one exchange with PostgreSQL. */
    @SuppressWarnings("unchecked")
    Children children(Collection<UUID> ids) {
        List<List<?>> found = Rows.all(getEntityManager(), CHILDREN, List.of(ids, ids), SourceRepository::shown,
                ArticleLinkRepository::shown);
        return new Children((List<SourceResponse>) found.get(0), (List<ArticleLinkResponse>) found.get(1));
    }

    /** The claim, holding its row lock until the transaction ends; 404 or 410 unless it is live. */
    Claim lockLive(UUID id) {
        return Live.orThrow(findById(id, LockModeType.PESSIMISTIC_WRITE), "claim", id);
    }

    @SuppressWarnings("unchecked")
    List<Claim> findLive(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : getEntityManager().createNativeQuery(
                        "select c.* from claim c where c.id = any(cast(:ids as uuid[])) and " + Live.sql("c"), Claim.class)
                .setParameter("ids", UuidArray.of(ids)).getResultList();
    }

    /** A claim of a page (without its sources and links yet), with its rank and snippet when the page is a search. */
    record Row(ClaimResponse claim, Float rank, String snippet) {
    }

    /** The columns a page shows of a claim, as {@link #shown} reads them. */
    private static final String SHOWN = "c.id, c.statement, c.type, c.claimant, c.claimant_kind, c.claim_date,"
            + " c.claim_date_first, c.claim_date_last, c.language, c.location, c.event_date, c.event_date_first,"
            + " c.event_date_last, c.tags, c.status, c.explanation, c.verdict_at, c.superseded_by, c.superseded_at,"
            + " c.duplicate_of, c.quantity_measure, c.quantity_subject, c.quantity_qualifier, c.quantity_value,"
            + " c.quantity_upper_value, c.quantity_unit, c.attribution_actor, c.attribution_role,"
            + " c.attribution_attributed_by, c.created_at, c.updated_at, c.version";

    /** A claim as shown, its live sources and its links to live articles: three statements sent together. */
    private static final String SHOWN_WITH_CHILDREN = "select " + SHOWN + ", c.deleted_at from claim c where c.id = ?;\n"
            + SourceRepository.liveShown("s.claim_id = ?") + ";\n" + ArticleLinkRepository.liveShown("l.claim_id = ?");

    /** The live sources and the links to live articles of the claims bound as one uuid[], sent together. */
    private static final String CHILDREN = SourceRepository.liveShown("s.claim_id = any(?)") + ";\n"
            + ArticleLinkRepository.liveShown("l.claim_id = any(?)");

    /** A claim of a page as shown, without its sources and links, as the entity would give it (no entity loaded). */
    private static ClaimResponse shown(ResultSet row) throws SQLException {
        String claimDate = row.getString("claim_date");
        String eventDate = row.getString("event_date");
        Quantity quantity = new Quantity(Rows.enumOf(row, "quantity_measure", Measure.class),
                row.getString("quantity_subject"), Rows.enumOf(row, "quantity_qualifier", Qualifier.class),
                row.getBigDecimal("quantity_value"), row.getBigDecimal("quantity_upper_value"),
                row.getString("quantity_unit"));
        Attribution attribution = new Attribution(row.getString("attribution_actor"),
                Rows.enumOf(row, "attribution_role", AttributionRole.class), row.getString("attribution_attributed_by"));
        ClaimantKind kind = Rows.enumOf(row, "claimant_kind", ClaimantKind.class);
        return new ClaimResponse(Rows.uuid(row, "id"), row.getString("statement"),
                Rows.enumOf(row, "type", ClaimType.class), row.getString("claimant"),
                kind == null ? ClaimantKind.ORGANIZATION : kind,
                claimDate == null ? null : new FuzzyDate(claimDate, Rows.date(row, "claim_date_first"),
                        Rows.date(row, "claim_date_last")),
                row.getString("language"), row.getString("location"),
                eventDate == null ? null : new FuzzyDate(eventDate, Rows.date(row, "event_date_first"),
                        Rows.date(row, "event_date_last")),
                List.copyOf(Rows.texts(row, "tags")), Rows.enumOf(row, "status", ClaimStatus.class),
                row.getString("explanation"), Rows.instant(row, "verdict_at"), Rows.uuid(row, "superseded_by"),
                Rows.instant(row, "superseded_at"), Rows.uuid(row, "duplicate_of"),
                // an embedded value whose columns are all null is null, as Hibernate reads it
                allNull(quantity.measure(), quantity.subject(), quantity.qualifier(), quantity.value(),
                        quantity.upperValue(), quantity.unit()) ? null : quantity,
                allNull(attribution.actor(), attribution.role(), attribution.attributedBy()) ? null : attribution,
                List.of(), List.of(), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                row.getLong("version"), null, null);
    }

    private static boolean allNull(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * How a list is searched: the search text as read in each text-search configuration it is
     * matched in (the language filter's, or every one live claims are indexed with), each claim
     * matched and ranked by the reading of its own configuration; and whether statements merely
     * alike by trigrams count too (the typo fallback).
     */
    record Search(List<Reading> readings, boolean fuzzy) {

        Search asFuzzy() {
            return new Search(readings, true);
        }

        /** claim_&lt;language&gt; and the tsquery the text makes in it. */
        record Reading(String config, String tsquery) {
        }

        private String match() {
            if (readings.isEmpty()) {
                return "false";
            }
            if (readings.size() == 1) {
                // every claim searched is indexed with this one configuration
                return "c.search @@ cast(:tsq0 as tsquery)";
            }
            StringBuilder sql = new StringBuilder("(");
            for (int i = 0; i < readings.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append("(c.search_config = cast(:cfg").append(i)
                        .append(" as regconfig) and c.search @@ cast(:tsq").append(i).append(" as tsquery))");
            }
            return sql.append(")").toString();
        }

        /** The claim's own reading of the text (a tsquery matching nothing when there is none). */
        private String query() {
            if (readings.size() == 1) {
                return "cast(:tsq0 as tsquery)";
            }
            StringBuilder sql = new StringBuilder("(case c.search_config");
            for (int i = 0; i < readings.size(); i++) {
                sql.append(" when cast(:cfg").append(i).append(" as regconfig) then cast(:tsq").append(i).append(" as tsquery)");
            }
            return sql.append(" else cast('' as tsquery) end)").toString();
        }

        /** Full-text matches rank by ts_rank (>= 0); typo matches by word similarity with statement and location, below them all (< -1). */
        private String rank() {
            return "(case when " + match() + " then ts_rank(c.search, " + query() + ")"
                    + " else word_similarity(claim_unaccent(:q), claim_fuzzy_text(c.statement, c.location)) - cast(2 as real) end)";
        }

        private String condition() {
            return fuzzy ? "(" + match() + " or claim_unaccent(:q) <% claim_fuzzy_text(c.statement, c.location))" : match();
        }

        /** The highlighted passage, in the claim's own configuration: where the text matched. */
        private String snippet() {
            return "ts_headline(c.search_config, concat_ws(' | ', c.statement, c.location,"
                    + " claim_tags_text(c.tags), c.quantity_subject, c.attribution_actor, c.claimant, c.explanation), "
                    + query() + ", 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10, MaxFragments=2,"
                    + " FragmentDelimiter=\" ... \"')";
        }

        private void bind(Map<String, Object> params) {
            for (int i = 0; i < readings.size(); i++) {
                if (readings.size() > 1) {
                    params.put("cfg" + i, readings.get(i).config());
                }
                params.put("tsq" + i, readings.get(i).tsquery());
            }
        }
    }

    /** The search text read in the language filter's configuration, or in each one live claims use. */
    @SuppressWarnings("unchecked")
    Search search(ClaimFilter filter) {
        String configs = filter.language() == null ? "select claim_search_configs() as cfg"
                : "select claim_search_config(cast(:language as varchar)) as cfg";
        var query = getEntityManager().createNativeQuery("select cast(cfg as text), cast(websearch_to_tsquery(cfg, :q) as text)"
                + " from (" + configs + ") configs").setParameter("q", filter.q());
        if (filter.language() != null) {
            query.setParameter("language", filter.language());
        }
        List<Object[]> rows = query.getResultList();
        return new Search(rows.stream().map(r -> new Search.Reading((String) r[0], (String) r[1])).toList(), false);
    }

    /**
     * One keyset page of live claims (one row more than the limit, to tell if another page follows).
     * With a search, ranked by relevance when {@code ranked}: by (rank, id), both descending.
     */
    @SuppressWarnings("unchecked")
    List<Row> page(ClaimFilter filter, PageRequest page, Cursor after, boolean ranked, Search search) {
        boolean searched = search != null;
        PageQuery query = pageQuery(SHOWN + (searched ? ", c.search_config" : ""), filter, page, after, ranked, search);
        return Rows.query(getEntityManager(), query.sql(), query.params(), row -> new Row(shown(row),
                ranked ? Rows.real(row, "rank") : null, searched ? row.getString("snippet") : null));
    }

    /** One keyset page of live claims as entities (one row more than the limit), in the order of the sort: for the export. */
    @SuppressWarnings("unchecked")
    List<Claim> pageOfClaims(ClaimFilter filter, PageRequest page, Cursor after, Search search) {
        PageQuery built = pageQuery("c.*", filter, page, after, false, search);
        NativeQuery<?> query = getEntityManager().createNativeQuery(built.sql()).unwrap(NativeQuery.class);
        query.addEntity("c", Claim.class);
        if (search != null) {
            query.addScalar("snippet", StandardBasicTypes.STRING);
        }
        built.params().forEach(query::setParameter);
        return query.getResultList().stream().map(r -> r instanceof Object[] cols ? (Claim) cols[0] : (Claim) r).toList();
    }

    /** A page's statement (named parameters) and their values. */
    private record PageQuery(String sql, Map<String, Object> params) {
    }

    private PageQuery pageQuery(String columns, ClaimFilter filter, PageRequest page, Cursor after, boolean ranked,
            Search search) {
        boolean searched = search != null;
        StringBuilder sql = new StringBuilder("select " + columns)
                .append(ranked ? ", " + search.rank() + " as rank" : "")
                .append(" from claim c where " + Live.sql("c"));
        Map<String, Object> params = new HashMap<>();
        if (searched) {
            sql.append(" and ").append(search.condition());
            search.bind(params);
            if (search.fuzzy() || ranked) {
                params.put("q", filter.q());
            }
        }
        where(filter, sql, params);
        if (after != null && ranked) {
            sql.append(" and (").append(search.rank()).append(", c.id) < (cast(:afterRank as real), :afterId)");
            params.put("afterRank", after.rank());
            params.put("afterId", after.id());
        } else if (after != null) {
            sql.append(" and ").append(page.sort().after("c"));
            params.put("afterAt", after.instant());
            params.put("afterId", after.id());
        }
        // the limit is written into the statement (a number from 1 to the maximum + 1), not bound: with
        // it bound, PostgreSQL's generic plan would assume a tenth of the rows and every page would be
        // planned again (a fifth of a list's PostgreSQL time at 100k claims)
        sql.append(" order by ").append(ranked ? "rank desc, c.id desc" : page.sort().orderBy("c"))
                .append(" limit ").append(page.limit() + 1);
        String text = sql.toString();
        if (searched) {
            // the snippet costs a ts_headline per row: only for the rows of this page
            text = "select c.*, " + search.snippet() + " as snippet from (" + text + ") c order by "
                    + (ranked ? "c.rank desc, c.id desc" : page.sort().orderBy("c"));
        }
        return new PageQuery(text, params);
    }

    /** Whether following supersededBy from {@code start} reaches {@code target}. */
    boolean supersessionReaches(UUID start, UUID target) {
        Object found = getEntityManager().createNativeQuery(
                        "with recursive forward(id) as (select cast(:start as uuid) union"
                                + " select c.superseded_by from claim c join forward f on c.id = f.id"
                                + " where c.superseded_by is not null)"
                                + " select count(*) from forward where id = :target")
                .setParameter("start", start).setParameter("target", target).getSingleResult();
        return ((Number) found).longValue() > 0;
    }

    /**
     * The live claims of the supersession chain (a tree, when several claims were superseded by one)
     * that a claim belongs to: from its newest successor back to every claim it replaced, the
     * oldest first.
     */
    @SuppressWarnings("unchecked")
    List<Claim> lineage(UUID id) {
        return getEntityManager().createNativeQuery(
                        "with recursive forward(id, depth) as (select cast(:id as uuid), 0 union"
                                + " select c.superseded_by, f.depth + 1 from claim c join forward f on c.id = f.id"
                                + " where c.superseded_by is not null),"
                                + " newest as (select id from forward order by depth desc limit 1),"
                                + " back(id, depth) as (select id, 0 from newest union"
                                + " select c.id, b.depth + 1 from claim c join back b on c.superseded_by = b.id)"
                                + " select c.* from claim c join back b on b.id = c.id where " + Live.sql("c")
                                + " order by b.depth desc, c.created_at, c.id", Claim.class)
                .setParameter("id", id).getResultList();
    }

    /** The filter as SQL conditions on the claim alias c, appended with their parameters. */
    private static void where(ClaimFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (filter.language() != null) {
            sql.append(" and (lower(c.language) = lower(:language) or lower(c.language) like lower(:language) || '-%')");
            params.put("language", filter.language());
        }
        if (filter.duplicateOf() != null) {
            sql.append(" and c.duplicate_of = :duplicateOf");
            params.put("duplicateOf", filter.duplicateOf());
        }
        if (filter.excludeDuplicates()) {
            sql.append(" and c.duplicate_of is null");
        }
        // a status or a type is written into the statement (an enum constant's name), not bound, so that
        // PostgreSQL plans the statement once per connection with that value's own statistics: a
        // common status reads the newest claims and skips the others, a rare one its own index
        if (filter.status() != null) {
            sql.append(" and c.status = '").append(filter.status().name()).append('\'');
        }
        if (filter.type() != null) {
            sql.append(" and c.type = '").append(filter.type().name()).append('\'');
        }
        if (filter.claimant() != null) {
            sql.append(" and lower(c.claimant) = lower(:claimant)");
            params.put("claimant", filter.claimant());
        }
        if (filter.tag() != null) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag());
        }
        if (filter.articleId() != null) {
            sql.append(" and exists (select 1 from claim_article l where l.claim_id = c.id"
                    + " and l.article_id = :articleId and " + Live.sql("l") + ")");
            params.put("articleId", filter.articleId());
        }
        if (filter.updatedSince() != null) {
            sql.append(" and c.updated_at >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        // a date filter keeps the claims whose date shares at least one day with it
        if (filter.claimDate() != null) {
            sql.append(" and c.claim_date_first <= :claimDateLast and c.claim_date_last >= :claimDateFirst");
            params.put("claimDateFirst", filter.claimDate().first());
            params.put("claimDateLast", filter.claimDate().last());
        }
        if (filter.eventDate() != null) {
            sql.append(" and c.event_date_first <= :eventDateLast and c.event_date_last >= :eventDateFirst");
            params.put("eventDateFirst", filter.eventDate().first());
            params.put("eventDateLast", filter.eventDate().last());
        }
    }

    @SuppressWarnings("unchecked")
    List<Object[]> countByStatusAndType(ClaimFilter filter) {
        StringBuilder sql = new StringBuilder("select c.status, c.type, count(*) from claim c where " + Live.sql("c"));
        Map<String, Object> params = new HashMap<>();

        where(filter, sql, params);
        sql.append(" group by c.status, c.type");
        var query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
