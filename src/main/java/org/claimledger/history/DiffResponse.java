package org.claimledger.history;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Diff", description = "The field-level changes between two revisions of one claim.")
public record DiffResponse(long from, long to, List<Change> changes) {
}
