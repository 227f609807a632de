package org.claimledger.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An entity's whole state as the ledger stores it, written member by member from the entity
 * inside the writing transaction. Values are spelled as the API's JSON spells them (instants and
 * dates in ISO 8601, enums by name, UUIDs in lower case, decimals exactly as held, absent values as
 * null), so that a snapshot is the entity as served, and the text hashed for a state never varies.
 */
public final class Snapshot {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    final ObjectNode node = NODES.objectNode();

    public Snapshot put(String name, String value) {
        node.put(name, value);
        return this;
    }

    public Snapshot put(String name, UUID value) {
        return put(name, value == null ? null : value.toString());
    }

    public Snapshot put(String name, Instant value) {
        return put(name, value == null ? null : value.toString());
    }

    public Snapshot put(String name, LocalDate value) {
        return put(name, value == null ? null : value.toString());
    }

    public Snapshot put(String name, Enum<?> value) {
        return put(name, value == null ? null : value.name());
    }

    public Snapshot put(String name, BigDecimal value) {
        node.put(name, value);
        return this;
    }

    public Snapshot put(String name, long value) {
        node.put(name, value);
        return this;
    }

    public Snapshot put(String name, Snapshot value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.set(name, value.node);
        }
        return this;
    }

    public Snapshot putStrings(String name, List<String> values) {
        if (values == null) {
            node.putNull(name);
        } else {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
        return this;
    }

    public Snapshot putList(String name, List<Snapshot> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(value -> array.add(value.node));
        return this;
    }

    /** The canonical JSON of this state, as it is hashed. */
    @Override
    public String toString() {
        return CanonicalJson.write(node);
    }
}
