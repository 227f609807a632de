package org.claimledger.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.claimledger.common.db.Live;
import org.hibernate.Session;

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
            + " from unnest(tsvector_to_array(to_tsvector(claim_search_config(cast(? as varchar)), ?))) w"
            + " where w not in (select e from pg_stats s, unnest(cast(cast(s.most_common_elems as text) as text[])) e"
            + " where s.schemaname = current_schema() and s.tablename = 'claim' and s.attname = 'search')";

    private final EntityManager em;

    MatchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Read with plain JDBC on the transaction's connection: up to 120 rows of 14 columns, which
     * Hibernate's native-query result handling (each value through its assemblers, types resolved
     * from the result set at every execution) made a tenth of a create's CPU. The statement is
     * complete when it runs: a create flushed its claim before it asks.
     */
    List<MatchScorer.Candidate> candidates(MatchDraft draft) {
        List<String> lookups = new ArrayList<>();
        // bound in the order of the placeholders: the select list's articles, the lookups', self
        List<Object> params = new ArrayList<>();
        params.add("{" + draft.articleIds().stream().map(UUID::toString).collect(Collectors.joining(",")) + "}");
        lookups.add("(select id from claim, (" + RARE_WORDS + ") draft where " + Live.SQL + " and search @@ draft.words"
                + " order by ts_rank(search, draft.words) desc limit " + PER_LOOKUP + ")");
        params.add(draft.language());
        params.add(draft.statement());
        MatchDraft.Figure q = draft.quantity();
        if (q != null && q.measure() != null && q.value() != null) {
            lookups.add("(select id from claim where " + Live.SQL + " and quantity_measure = ?"
                    + " and quantity_value >= ? order by quantity_value limit " + PER_LOOKUP + ")");
            lookups.add("(select id from claim where " + Live.SQL + " and quantity_measure = ?"
                    + " and quantity_value < ? order by quantity_value desc limit " + PER_LOOKUP + ")");
            params.addAll(List.of(q.measure(), q.value(), q.measure(), q.value()));
        }
        MatchDraft.Actor a = draft.attribution();
        if (a != null && a.actor() != null && !a.actor().isBlank()) {
            lookups.add("(select id from claim where " + Live.SQL + " and attribution_actor is not null"
                    + " and lower(attribution_actor) = lower(?) order by created_at desc limit " + PER_LOOKUP + ")");
            params.add(a.actor());
        }
        String sql = "select c.id, c.statement, c.status, c.type, c.claim_date_first, c.quantity_measure, c.quantity_qualifier,"
                + " c.quantity_value, c.quantity_upper_value, c.quantity_subject, c.attribution_actor, c.attribution_role,"
                + " array_to_string(c.tags, chr(31)),"
                + " (select string_agg(cast(l.article_id as text), ',') from claim_article l where l.claim_id = c.id"
                + "   and " + Live.sql("l") + " and l.article_id = any(cast(? as uuid[])))"
                + " from claim c where c.id in (" + String.join(" union ", lookups) + ")"
                + " and " + Live.sql("c") + " and c.duplicate_of is null and c.id <> ?";
        params.add(draft.claimId() == null ? new UUID(0, 0) : draft.claimId());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i) == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, params.get(i));
                    }
                }
                List<MatchScorer.Candidate> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(candidate(rows));
                    }
                }
                return found;
            }
        });
    }

    private static MatchScorer.Candidate candidate(ResultSet r) throws SQLException {
        String measure = r.getString(6);
        MatchDraft.Figure figure = measure == null ? null : new MatchDraft.Figure(measure, r.getString(7),
                r.getBigDecimal(8), r.getBigDecimal(9), r.getString(10));
        String actorName = r.getString(11);
        MatchDraft.Actor actor = actorName == null ? null : new MatchDraft.Actor(actorName, r.getString(12));
        String tags = r.getString(13);
        String shared = r.getString(14);
        return new MatchScorer.Candidate(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                r.getObject(5, LocalDate.class), figure, actor,
                tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\u001f")),
                shared == null ? List.of() : Arrays.stream(shared.split(",")).map(UUID::fromString).toList());
    }
}
