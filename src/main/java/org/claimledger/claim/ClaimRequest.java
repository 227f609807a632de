package org.claimledger.claim;

import org.claimledger.common.validation.NoBidiControls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.claimledger.common.validation.LanguageTag;
import org.claimledger.common.time.FuzzyDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable properties of a claim, as created by POST and merged by PATCH. */
@ClaimRules
@Schema(name = "ClaimRequest")
public record ClaimRequest(
        @Schema(required = true, maxLength = 2000, description = "The claim as worded in the article.",
                examples = "Two explosions killed over 70 people")
        @NotBlank @Size(max = 2000) String statement,
        @Schema(required = true, examples = "CASUALTY_COUNT") @NotNull ClaimType type,
        @Schema(maxLength = 500, description = "Who asserts it.", examples = "Global News")
        @Size(max = 500) @NoBidiControls String claimant,
        @Schema(description = "Whether the claimant is a person or an organisation (for ClaimReview; default ORGANIZATION).",
                examples = "ORGANIZATION") ClaimantKind claimantKind,
        @Schema(implementation = String.class, maxLength = 21, pattern = FuzzyDate.PATTERN,
                description = "When the claim was made, with the precision the source gives (ISO 8601 / EDTF level 0): "
                        + "a day 2021-08-26, a month 2021-08, a year 2021, or an interval such as 2019/2020.",
                examples = "2021-08-26") FuzzyDate claimDate,
        @Schema(maxLength = 35, description = "BCP 47 language tag.", examples = "en") @Size(max = 35) @LanguageTag String language,
        @Schema(maxLength = 500, examples = "Kabul, Afghanistan") @Size(max = 500) @NoBidiControls String location,
        @Schema(implementation = String.class, maxLength = 21, pattern = FuzzyDate.PATTERN,
                description = "When the event the claim is about happened, with the precision the source gives "
                        + "(like claimDate).", examples = "2021-08-26") FuzzyDate eventDate,
        @Schema(maxItems = 50, description = "Free labels, each 1..100 characters.", examples = "[\"kabul-airport-attack\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 100) @NoBidiControls String> tags,
        @Schema(description = "UNVERIFIED (the default) or IN_REVIEW on create; afterwards it moves only through "
                + "POST /api/v1/claims/{id}/status.", examples = "UNVERIFIED") ClaimStatus status,
        @Schema(maxLength = 10000, description = "Why the claim has its status.") @Size(max = 10000) String explanation,
        @Valid Quantity quantity,
        @Valid Attribution attribution) {
}
