package org.claimledger.claim;

import org.claimledger.common.validation.NoBidiControls;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is said to be behind something: "U.S. officials accused ISIS-K". Required for ATTRIBUTION claims. */
@Schema(name = "Attribution")
@Embeddable
public record Attribution(
        @Schema(required = true, maxLength = 500, examples = "ISIS-K") @NotBlank @Size(max = 500) @NoBidiControls String actor,
        @Schema(required = true, examples = "ACCUSED") @NotNull @Enumerated(EnumType.STRING) AttributionRole role,
        @Schema(maxLength = 500, examples = "U.S. officials") @Size(max = 500) @NoBidiControls String attributedBy) {
}
