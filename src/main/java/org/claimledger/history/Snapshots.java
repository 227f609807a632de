package org.claimledger.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-level differences between two states of an entity. Nested values get dotted paths
 * ({@code quantity.value}); the items of the embedded lists its {@link SnapshotShape} names are
 * addressed by their key ({@code sources[<id>].stance}, {@code articles[<articleId>].role}), so a
 * change to one source reads as that, not as a reshuffled list.
 */
final class Snapshots {

    /** Bookkeeping that moves with every write and says nothing about the claim itself. */
    private static final Set<String> VOLATILE = Set.of("id", "version", "updatedAt", "createdAt");

    private Snapshots() {
    }

    static List<Change> diff(JsonNode before, JsonNode after, Map<String, SnapshotShape.KeyedList> lists) {
        Map<String, JsonNode> from = flatten(before, lists);
        Map<String, JsonNode> to = flatten(after, lists);
        Set<String> fields = new TreeSet<>(from.keySet());
        fields.addAll(to.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = from.get(field);
            JsonNode b = to.get(field);
            boolean bornAlive = field.equals("deleted") && normal(a) == null && b != null && !b.asBoolean();
            if (!bornAlive && !Objects.equals(normal(a), normal(b))) {
                changes.add(new Change(field, normal(a), normal(b)));
            }
        }
        return changes;
    }

    private static JsonNode normal(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    static Map<String, JsonNode> flatten(JsonNode snapshot, Map<String, SnapshotShape.KeyedList> lists) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (snapshot != null) {
            flatten(snapshot, "", Set.of(), lists, out);
        }
        return out;
    }

    private static void flatten(JsonNode node, String prefix, Set<String> skip,
            Map<String, SnapshotShape.KeyedList> lists, Map<String, JsonNode> out) {
        node.fields().forEachRemaining(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (VOLATILE.contains(name) || skip.contains(name)) {
                return;
            }
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (prefix.isEmpty() && lists.containsKey(name) && value.isArray()) {
                SnapshotShape.KeyedList list = lists.get(name);
                for (JsonNode item : value) {
                    flatten(item, name + "[" + item.path(list.key()).asText() + "]", list.notOwn(), Map.of(), out);
                }
            } else if (value.isObject()) {
                flatten(value, path, Set.of(), Map.of(), out);
            } else {
                out.put(path, value);
            }
        });
    }
}
