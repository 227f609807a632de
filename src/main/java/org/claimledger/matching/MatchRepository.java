package org.claimledger.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.claimledger.common.db.Live;

/**
 * Finds the candidates a draft is scored against, in one statement over the claim table: a few
 * bounded index lookups, each with its LIMIT, so the cost does not grow with the number of
 * claims — statements sharing the draft's rarer words (the full-text GIN index), the same measure nearest the same
 * value on either side (btree on measure and value), the same actor (btree on the lower-cased
 * actor). Deleted claims and confirmed duplicates (they point at the claim the desk tracks) are
 * never candidates.
 */
@ApplicationScoped
class MatchRepository {

    /** Candidates each lookup may add. */
    static final int PER_LOOKUP = 40;

    /**
     * The draft's words that few claims use, OR-ed as a query: its words in its language's search
     * configuration, less the most common words of the search column (PostgreSQL's own statistics,
     * pg_stats.most_common_elems, kept by ANALYZE). Words almost every claim has ("killed",
     * "people") would make the lookup read most of the index and say little; rare ones ("market",
     * "Kandahar") find the claims that share them at the cost of a few short posting lists. No rare
     * word: null, which matches nothing.
     */
    static final String RARE_WORDS = "select cast(string_agg(quote_literal(w), ' | ') as tsquery) as words"
            + " from unnest(tsvector_to_array(to_tsvector(claim_search_config(cast(:language as varchar)), :statement))) w"
            + " where w not in (select e from pg_stats s, unnest(cast(cast(s.most_common_elems as text) as text[])) e"
            + " where s.schemaname = current_schema() and s.tablename = 'claim' and s.attname = 'search')";

    private final EntityManager em;

    MatchRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    List<MatchScorer.Candidate> candidates(MatchDraft draft) {
        List<String> lookups = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        lookups.add("(select id from claim, (" + RARE_WORDS + ") draft where " + Live.SQL + " and search @@ draft.words"
                + " order by ts_rank(search, draft.words) desc limit " + PER_LOOKUP + ")");
        params.put("statement", draft.statement());
        params.put("language", draft.language());
        MatchDraft.Figure q = draft.quantity();
        if (q != null && q.measure() != null && q.value() != null) {
            lookups.add("(select id from claim where " + Live.SQL + " and quantity_measure = :measure"
                    + " and quantity_value >= :value order by quantity_value limit " + PER_LOOKUP + ")");
            lookups.add("(select id from claim where " + Live.SQL + " and quantity_measure = :measure"
                    + " and quantity_value < :value order by quantity_value desc limit " + PER_LOOKUP + ")");
            params.put("measure", q.measure());
            params.put("value", q.value());
        }
        MatchDraft.Actor a = draft.attribution();
        if (a != null && a.actor() != null && !a.actor().isBlank()) {
            lookups.add("(select id from claim where " + Live.SQL + " and attribution_actor is not null"
                    + " and lower(attribution_actor) = lower(:actor) order by created_at desc limit " + PER_LOOKUP + ")");
            params.put("actor", a.actor());
        }
        String sql = "select c.id, c.statement, c.status, c.type, c.claim_date_first, c.quantity_measure, c.quantity_qualifier,"
                + " c.quantity_value, c.quantity_upper_value, c.quantity_subject, c.attribution_actor, c.attribution_role,"
                + " array_to_string(c.tags, chr(31)),"
                + " (select string_agg(cast(l.article_id as text), ',') from claim_article l where l.claim_id = c.id"
                + "   and " + Live.sql("l") + " and l.article_id = any(cast(:articles as uuid[])))"
                + " from claim c where c.id in (" + String.join(" union ", lookups) + ")"
                + " and " + Live.sql("c") + " and c.duplicate_of is null and c.id <> :self";
        params.put("articles", "{" + draft.articleIds().stream().map(UUID::toString).collect(Collectors.joining(",")) + "}");
        params.put("self", draft.claimId() == null ? new UUID(0, 0) : draft.claimId());
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(MatchRepository::candidate).toList();
    }

    private static java.time.LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }

    private static MatchScorer.Candidate candidate(Object[] r) {
        MatchDraft.Figure figure = r[5] == null ? null : new MatchDraft.Figure((String) r[5], (String) r[6],
                (BigDecimal) r[7], (BigDecimal) r[8], (String) r[9]);
        MatchDraft.Actor actor = r[10] == null ? null : new MatchDraft.Actor((String) r[10], (String) r[11]);
        String tags = (String) r[12];
        String shared = (String) r[13];
        return new MatchScorer.Candidate((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                localDate(r[4]), figure, actor,
                tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\u001f")),
                shared == null ? List.of() : Arrays.stream(shared.split(",")).map(UUID::fromString).toList());
    }
}
