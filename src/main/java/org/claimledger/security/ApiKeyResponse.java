package org.claimledger.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key, never with its secret except in the answer that creates it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(
        UUID id,
        @Schema(examples = "newsroom-cms") String name,
        @Schema(examples = "CHECKER") Role role,
        @Schema(description = "The secret's first characters, to recognise it", examples = "cl_Xy3k9") String prefix,
        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(description = "Only when the key is created: send it as Authorization: Bearer <secret>. It is not "
                + "shown again.", nullable = true) String secret) {

    static ApiKeyResponse of(ApiKey key, String secret) {
        return new ApiKeyResponse(key.id, key.name, key.role, key.prefix, key.createdAt, key.lastUsedAt, secret);
    }
}
