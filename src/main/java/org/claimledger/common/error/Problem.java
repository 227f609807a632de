package org.claimledger.common.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, always sent as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details. Extension members depend on the type.")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(examples = "https://claimledger.org/problems/validation-failed")
    public final String type;
    @Schema(examples = "The request breaks one or more rules")
    public final String title;
    @Schema(examples = "422", format = "int32", minimum = "100", maximum = "599")
    public final int status;
    @Schema(examples = "quantity is required for a CASUALTY_COUNT claim")
    public final String detail;
    @Schema(examples = "/api/v1/claims")
    public final String instance;
    @Schema(description = "For validation problems: every broken rule, by field.")
    public final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(ProblemType type, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }
}
