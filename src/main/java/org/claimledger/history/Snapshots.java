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
 * ({@code quantity.value}); the members of the embedded lists of sources and article links are
 * addressed by id ({@code sources[<id>].stance}, {@code articles[<articleId>].role}), so a change to
 * one source reads as that, not as a reshuffled list.
 */
final class Snapshots {

    /** Bookkeeping that moves with every write and says nothing about the claim itself. */
    private static final Set<String> VOLATILE = Set.of("id", "version", "updatedAt", "createdAt");
    /** The embedded lists, the member that identifies an item, and members that are not the item's own. */
    private static final Map<String, String> KEYED_LISTS = Map.of("sources", "id", "articles", "articleId");
    private static final Map<String, Set<String>> NOT_OWN = Map.of(
            "sources", Set.of("claimId"),
            "articles", Set.of("claimId", "articleId", "url", "title"));

    private Snapshots() {
    }

    static List<Change> diff(JsonNode before, JsonNode after) {
        Map<String, JsonNode> from = flatten(before);
        Map<String, JsonNode> to = flatten(after);
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

    static Map<String, JsonNode> flatten(JsonNode snapshot) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (snapshot != null) {
            flatten(snapshot, "", Set.of(), out);
        }
        return out;
    }

    private static void flatten(JsonNode node, String prefix, Set<String> skip, Map<String, JsonNode> out) {
        node.fields().forEachRemaining(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (VOLATILE.contains(name) || skip.contains(name)) {
                return;
            }
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (prefix.isEmpty() && KEYED_LISTS.containsKey(name) && value.isArray()) {
                String key = KEYED_LISTS.get(name);
                for (JsonNode item : value) {
                    flatten(item, name + "[" + item.path(key).asText() + "]", NOT_OWN.get(name), out);
                }
            } else if (value.isObject()) {
                flatten(value, path, Set.of(), out);
            } else {
                out.put(path, value);
            }
        });
    }
}
