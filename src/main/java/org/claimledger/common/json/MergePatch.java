package org.claimledger.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimledger.common.error.FieldError;
import org.claimledger.common.error.JsonProblems;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/**
 * JSON Merge Patch (RFC 7396) onto a request record: the current state is written as the record,
 * the patch merged into it (null removes a member, objects merge member by member), and the result
 * read back and validated exactly like a create. Only the record's own properties may be patched;
 * any other member is refused with 400 rather than ignored.
 */
@ApplicationScoped
public class MergePatch {

    /** A record's property names, read by reflection once per record type rather than at every patch. */
    private static final ClassValue<Set<String>> WRITABLE = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet());
        }
    };

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @param readOnly properties of the resource that clients see but may not write, with the reason
     */
    public <T extends Record> T apply(T current, JsonNode patch, Class<T> type, Map<String, String> readOnly) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "a merge patch must be a JSON object of the properties to change");
        }
        Set<String> writable = WRITABLE.get(type);
        List<FieldError> refused = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (readOnly.containsKey(name)) {
                refused.add(new FieldError(name, readOnly.get(name)));
            } else if (!writable.contains(name)) {
                refused.add(new FieldError(name, "unknown property"));
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(ProblemType.UNKNOWN_PROPERTY,
                    "cannot write " + refused.stream().map(e -> "'" + e.field() + "' (" + e.message() + ")")
                            .collect(Collectors.joining(", ")),
                    refused);
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /** RFC 7396 section 2, MergePatch(Target, Patch). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        });
        return result;
    }
}
