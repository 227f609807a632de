package org.claimledger.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one spelling of a JSON value that is hashed: object members sorted by name, no white space,
 * numbers as written. The stored content is this text itself, so verification rehashes the exact
 * bytes instead of re-serialising (which could spell 70.50 as 70.5).
 */
public final class CanonicalJson {

    /** Reads numbers exactly as written: 70 stays an integer, 70.50 keeps its scale, none becomes a double. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        try {
            return PLAIN.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The canonical text of an entry's content, {"changes": ..., "snapshot": ..., "type": ...}, from
     * the snapshot's canonical text as it is: the members already in canonical order, so the snapshot,
     * most of the content, is not sorted and written a second time. Equal to {@link #write} of the
     * whole (CanonicalJsonTest).
     */
    static String content(String type, JsonNode changes, String snapshotText) {
        try {
            return "{\"changes\":" + write(changes) + ",\"snapshot\":" + snapshotText + ",\"type\":"
                    + PLAIN.writeValueAsString(type) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as JSON, by way of its text, so that it reads exactly as a stored revision will. */
    public static JsonNode of(ObjectMapper writer, Object value) {
        try {
            return read(writer.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String text) {
        try {
            return PLAIN.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history content is not JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
