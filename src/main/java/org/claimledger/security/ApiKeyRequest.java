package org.claimledger.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @Schema(required = true, maxLength = 100, description = "Who uses the key; recorded as the actor of its changes.",
                examples = "newsroom-cms") @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                message = "may contain only letters, digits and . _ @ -") String name,
        @Schema(required = true, examples = "CHECKER") @NotNull Role role) {
}
