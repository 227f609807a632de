package org.claimledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void shouldSpellAnEntrysContentFromItsSnapshotTextExactlyAsWritingTheWholeContent() {
        Snapshot state = new Snapshot()
                .put("statement", "Two explosions killed \"over\" 70 people \u2014 Kabul\n\u00e9t\u00e9 \ud83d\udca5")
                .put("id", UUID.fromString("6f1c2b1e-0000-4000-8000-000000000001"))
                .put("explanation", (String) null)
                .put("createdAt", Instant.parse("2021-08-26T10:15:30.123456Z"))
                .putStrings("tags", List.of("b", "a"))
                .put("quantity", new Snapshot().put("value", new BigDecimal("70.50")).put("upperValue", new BigDecimal("1E+3"))
                        .put("measure", "KILLED"))
                .put("version", 7);
        state.node.put("deleted", false);
        String snapshotText = CanonicalJson.write(state.node);

        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        ObjectNode change = changes.addObject();
        change.put("field", "quantity.value");
        change.set("from", CanonicalJson.read("70"));
        change.set("to", CanonicalJson.read("70.50"));
        ObjectNode whole = JsonNodeFactory.instance.objectNode();
        whole.put("type", "UPDATED");
        whole.set("changes", changes);
        whole.set("snapshot", CanonicalJson.read(snapshotText));

        assertThat(CanonicalJson.content("UPDATED", changes, snapshotText)).isEqualTo(CanonicalJson.write(whole));
        assertThat(CanonicalJson.content("CREATED", JsonNodeFactory.instance.arrayNode(), snapshotText))
                .startsWith("{\"changes\":[],\"snapshot\":{\"createdAt\":").endsWith(",\"type\":\"CREATED\"}");
    }
}
