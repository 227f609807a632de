package org.claimledger.claim;

import org.claimledger.common.validation.NoBidiControls;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A figure a claim states: "killed over 70 people" is KILLED, MORE_THAN, 70, "people". */
@Schema(name = "Quantity", description = "Required for CASUALTY_COUNT and QUANTITY claims, absent otherwise.")
@Embeddable
public record Quantity(
        @Schema(required = true, examples = "KILLED") @NotNull @Enumerated(EnumType.STRING) Measure measure,
        @Schema(maxLength = 500, examples = "people") @Size(max = 500) @NoBidiControls String subject,
        @Schema(required = true, examples = "MORE_THAN") @NotNull @Enumerated(EnumType.STRING) Qualifier qualifier,
        @Schema(required = true, minimum = "0", examples = "70")
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal value,
        @Schema(minimum = "0", description = "Only with qualifier RANGE, where it is required and at least value.",
                examples = "90")
        @DecimalMin("0") @Digits(integer = 15, fraction = 6) BigDecimal upperValue,
        @Schema(maxLength = 100, examples = "persons") @Size(max = 100) @NoBidiControls String unit) {
}
