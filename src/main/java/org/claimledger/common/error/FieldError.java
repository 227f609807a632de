package org.claimledger.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule in a request: which field (a JSON path such as {@code quantity.value}) and why. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(examples = "quantity.value") String field,
        @Schema(examples = "must be greater than or equal to 0") String message) {
}
