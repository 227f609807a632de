package org.claimledger.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items and the opaque cursor of the next page, null on the last page. */
public record Page<T>(
        @Schema(maxItems = 200) List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as `cursor` to read the next page; null on the last page.",
                nullable = true, examples = "eyJzIjoiLWNyZWF0ZWRBdCJ9.Ab12Cd34") String nextCursor) implements Paged {

    /**
     * The page from rows read with one more than the limit: when the extra row is there, it is
     * dropped and the cursor of the last kept row becomes nextCursor.
     */
    public static <E, T> Page<T> slice(List<E> rows, int limit, Function<E, Cursor> cursorOf,
            Function<List<E>, List<T>> toItems) {
        if (rows.size() <= limit) {
            return new Page<>(toItems.apply(rows), null);
        }
        List<E> kept = rows.subList(0, limit);
        return new Page<>(toItems.apply(kept), cursorOf.apply(kept.get(limit - 1)).encode());
    }
}
