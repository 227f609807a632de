package org.claimledger.security;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares how to authenticate, so that generated clients and Swagger UI's Authorize button know. */
@OpenAPIDefinition(info = @Info(title = "Claim Ledger API", version = "1.0.0"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "API key (cl_...)",
        description = "Authorization: Bearer <API key>. Get the first key from the log of the first start, or set "
                + "CLAIMS_BOOTSTRAP_ADMIN_KEY; create one per tool with POST /api/v1/api-keys.")
public class OpenApiSecurity extends Application {
}
