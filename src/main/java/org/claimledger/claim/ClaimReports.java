package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.paging.Sort;

/** Claims in bulk: the CSV export and the counts by status and type. */
@ApplicationScoped
class ClaimReports {

    private final ClaimRepository claims;

    ClaimReports(ClaimRepository claims) {
        this.claims = claims;
    }

    /**
     * Writes every claim that the filter selects as CSV, page by page (keyset pages of 500), so
     * memory stays constant however many claims there are and no transaction is held open.
     */
    public void exportCsv(ClaimFilter filter, Sort sort, Writer out) throws IOException {
        ClaimCsv.header(out);
        PageRequest page = new PageRequest(500, sort, null);
        var search = filter.q() == null ? null : claims.search(filter);
        Cursor after = null;
        while (true) {
            List<Claim> rows = claims.pageOfClaims(filter, page, after, search);
            for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
                ClaimCsv.row(out, rows.get(i));
            }
            if (rows.size() <= page.limit()) {
                out.flush();
                return;
            }
            Claim last = rows.get(page.limit() - 1);
            after = Cursor.at(sort.keyOf(last.createdAt, last.updatedAt), last.id, "csv");
            claims.getEntityManager().clear();
            out.flush();
        }
    }

    /** How many live claims the filter selects, by status and by type, every value listed. */
    public ClaimStats stats(ClaimFilter filter) {
        var byStatus = new LinkedHashMap<String, Long>();
        for (ClaimStatus s : ClaimStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        var byType = new LinkedHashMap<String, Long>();
        for (ClaimType t : ClaimType.values()) {
            byType.put(t.name(), 0L);
        }
        long total = 0;
        for (Object[] row : claims.countByStatusAndType(filter)) {
            long n = ((Number) row[2]).longValue();
            byStatus.merge((String) row[0], n, Long::sum);
            byType.merge((String) row[1], n, Long::sum);
            total += n;
        }
        return new ClaimStats(total, byStatus, byType);
    }
}
