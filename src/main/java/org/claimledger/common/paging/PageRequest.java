package org.claimledger.common.paging;

import org.claimledger.common.error.ProblemException;

/**
 * What a client asked of a list: how many items, in which order (null when the client did not say),
 * from where.
 */
public record PageRequest(int limit, Sort requestedSort, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String sort, String cursor) {
        return new PageRequest(parseLimit(limit), sort == null || sort.isBlank() ? null : Sort.parse(sort), cursor);
    }

    /** The order to read in: the requested one, else newest first. */
    public Sort sort() {
        return requestedSort != null ? requestedSort : Sort.CREATED_AT_DESC;
    }

    private static int parseLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit >= 1 && limit <= MAX_LIMIT) {
            return limit;
        }
        throw ProblemException.invalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
