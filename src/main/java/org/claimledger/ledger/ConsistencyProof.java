package org.claimledger.ledger;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsistencyProof", description = "RFC 9162 consistency proof: the tree of size from is a prefix of the tree of size to.")
public record ConsistencyProof(
        @Schema(examples = "1000") long from,
        @Schema(examples = "1200") long to,
        @Schema(description = "base64 hashes", maxItems = 128) List<String> consistencyPath) {
}
