package org.claimledger.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Caller", description = "Who the credentials sent belong to, and what they may do.")
public record CallerResponse(
        @Schema(description = "The API key's name (or the JWT's user): the actor of every revision this caller makes.",
                examples = "newsroom-cms") String name,
        @Schema(description = "The caller's highest role; each role includes the ones before it.",
                examples = "CHECKER") Role role) {
}
