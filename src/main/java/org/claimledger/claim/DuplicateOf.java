package org.claimledger.claim;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The claim the desk tracks, that this one says the same as. */
@Schema(name = "DuplicateOf")
record DuplicateOf(
        @Schema(required = true, description = "A live claim that is not itself a duplicate.",
                examples = "01a22621-0cd7-7aa0-98af-7e5b43e32736") @NotNull UUID claimId) {
}
