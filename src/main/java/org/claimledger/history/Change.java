package org.claimledger.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field that changed: its path (quantity.value, sources[<id>].stance, articles[<id>].role), before and after.
 * Unlike elsewhere, a null here is a value (the field was absent), so from and to are always written.
 */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Change(
        @Schema(examples = "quantity.value") String field,
        @Schema(description = "The value before; null when the field was absent.", examples = "70") JsonNode from,
        @Schema(description = "The value after; null when the field was removed.", examples = "90") JsonNode to) {
}
