package org.claimledger.claim;

import java.time.Instant;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.http.Params;
import org.claimledger.common.time.FuzzyDate;
import org.claimledger.common.validation.LanguageTag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters of claim lists and exports; typed values are read by QueryParamConverters (400 problems). */
public class ClaimFilterParams {

    @RestQuery
    @Parameter(description = "Full-text search over statement, location, tags, quantity subject, attribution actor, "
            + "claimant and explanation (a statement match ranks first), accents ignored, each claim in its own language; "
            + "web-search syntax: words, \"quoted phrases\", -excluded, or. Without sort, the most relevant come first; "
            + "when fewer than a page match, statements alike despite typos follow (fuzzy: true). Results carry a snippet.",
            schema = @Schema(maxLength = 500))
    String q;

    @RestQuery("status")
    @Parameter(schema = @Schema(implementation = ClaimStatus.class))
    ClaimStatus status;

    @RestQuery("type")
    @Parameter(schema = @Schema(implementation = ClaimType.class))
    ClaimType type;

    @RestQuery
    @Parameter(description = "Exact claimant, case-insensitive", schema = @Schema(maxLength = 500))
    String claimant;

    @RestQuery
    @Parameter(description = "Claims carrying this tag", schema = @Schema(maxLength = 100))
    String tag;

    @RestQuery("articleId")
    @Parameter(description = "Claims linked to this article", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    UUID articleId;

    @RestQuery("updatedSince")
    @Parameter(description = "Claims changed at or after this instant (RFC 3339)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    Instant updatedSince;

    @RestQuery("claimDate")
    @Parameter(description = "Claims made within this date, at the precision given (2021-08-26, 2021-08, 2021, "
            + "2019/2020): every claim whose claimDate shares at least one day with it, so 2021 finds 2021-08-26, "
            + "2021-08 and 2020/2022", schema = @Schema(maxLength = 21, pattern = FuzzyDate.PATTERN))
    FuzzyDate claimDate;

    @RestQuery("eventDate")
    @Parameter(description = "Claims about events within this date, compared like claimDate",
            schema = @Schema(maxLength = 21, pattern = FuzzyDate.PATTERN))
    FuzzyDate eventDate;

    @RestQuery
    @Parameter(description = "Claims in this language (BCP 47; en also keeps en-GB); q is then read in its language only",
            schema = @Schema(maxLength = 35, examples = "fr"))
    String language;

    @RestQuery("duplicateOf")
    @Parameter(description = "Claims confirmed to duplicate this claim", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    UUID duplicateOf;

    @RestQuery("excludeDuplicates")
    @Parameter(description = "true hides every claim confirmed to duplicate another", schema = @Schema(type = SchemaType.BOOLEAN))
    Boolean excludeDuplicates;

    ClaimFilter toFilter() {
        String lang = Params.text("language", language, 35);
        if (lang != null && !new LanguageTag.Validator().isValid(lang, null)) {
            throw ProblemException.invalidParameter("language", "language must be a BCP 47 language tag, such as en or pt-BR");
        }
        return new ClaimFilter(Params.text("q", q, 500), status, type, Params.text("claimant", claimant, 500),
                Params.text("tag", tag, 100), articleId, updatedSince, claimDate, eventDate, lang, duplicateOf,
                Boolean.TRUE.equals(excludeDuplicates));
    }
}
