package org.claimledger.ledger;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InclusionProof", description = "RFC 9162 audit path of one history entry in the tree of a checkpoint's size.")
public record InclusionProof(
        @Schema(examples = "41") long leafIndex,
        @Schema(description = "base64", examples = "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=") String leafHash,
        @Schema(examples = "1000") long treeSize,
        @Schema(description = "base64 hashes, from the leaf's sibling up to the root's child", maxItems = 64) List<String> auditPath) {
}
