package org.claimledger.history;

import java.time.Instant;
import java.util.Map;

/** Filters of a history list; null means no filter; all combine with AND. */
record HistoryFilter(String actor, String field, Instant since, Instant until) {

    void appendTo(StringBuilder sql, Map<String, Object> params) {
        if (actor != null) {
            sql.append(" and r.actor = :actor");
            params.put("actor", actor);
        }
        if (field != null) {
            sql.append(" and exists (select 1 from unnest(h.fields) f where f = :field"
                    + " or starts_with(f, :field || '.') or starts_with(f, :field || '['))");
            params.put("field", field);
        }
        if (since != null) {
            sql.append(" and r.at >= :since");
            params.put("since", since);
        }
        if (until != null) {
            sql.append(" and r.at < :until");
            params.put("until", until);
        }
    }
}
