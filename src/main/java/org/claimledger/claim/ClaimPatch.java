package org.claimledger.claim;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a claim's PATCH as the contract describes it (JSON Merge Patch, RFC 7396): every
 * member optional, null clears an optional one, quantity and attribution merge member by member.
 * The service merges the patch into the claim's {@link ClaimRequest} and validates the result like
 * a create; this record only tells clients what they may send.
 */
@Schema(name = "ClaimPatch", description = "Send only the members to change; null clears an optional member.")
record ClaimPatch(
        @Schema(maxLength = 2000, minLength = 1, examples = "Two explosions killed at least 90 people") String statement,
        @Schema(examples = "CASUALTY_COUNT") ClaimType type,
        @Schema(maxLength = 500, nullable = true, examples = "Reuters") String claimant,
        @Schema(nullable = true, description = "Null returns it to the default, ORGANIZATION.") ClaimantKind claimantKind,
        @Schema(maxLength = 21, pattern = org.claimledger.common.time.FuzzyDate.PATTERN, nullable = true,
                description = "A day, a month, a year or an interval, like the create's.", examples = "2021-08-27") String claimDate,
        @Schema(maxLength = 35, nullable = true, examples = "en") String language,
        @Schema(maxLength = 500, nullable = true, examples = "Kabul, Afghanistan") String location,
        @Schema(maxLength = 21, pattern = org.claimledger.common.time.FuzzyDate.PATTERN, nullable = true,
                examples = "2021-08-26") String eventDate,
        @Schema(maxItems = 50, nullable = true, description = "Replaces the whole list.") List<@jakarta.validation.constraints.Size(max = 100) String> tags,
        @Schema(maxLength = 10000, nullable = true) String explanation,
        @Schema(nullable = true, description = "Merged member by member; null removes the quantity.") QuantityPatch quantity,
        @Schema(nullable = true, description = "Merged member by member; null removes the attribution.") AttributionPatch attribution) {

    @Schema(name = "QuantityPatch", description = "The members of a quantity to change.")
    record QuantityPatch(
            @Schema(examples = "KILLED") Measure measure,
            @Schema(maxLength = 500, nullable = true, examples = "people") String subject,
            @Schema(examples = "AT_LEAST") Qualifier qualifier,
            @Schema(minimum = "0", examples = "90") java.math.BigDecimal value,
            @Schema(minimum = "0", nullable = true, examples = "170") java.math.BigDecimal upperValue,
            @Schema(maxLength = 100, nullable = true, examples = "persons") String unit) {
    }

    @Schema(name = "AttributionPatch", description = "The members of an attribution to change.")
    record AttributionPatch(
            @Schema(maxLength = 500, minLength = 1, examples = "ISIS-K") String actor,
            @Schema(examples = "CLAIMED") AttributionRole role,
            @Schema(maxLength = 500, nullable = true, examples = "U.S. officials") String attributedBy) {
    }
}
