package org.claimledger.common.openapi;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes into the contract the bounds the service enforces on every value, where an annotation did
 * not state a tighter one: no text is longer than 10,000 characters (the longest field, an
 * explanation; every request string is validated against its own smaller limit), ids, dates and
 * timestamps have their fixed lengths, and integers are never negative.
 */
final class Limits {

    static final int MAX_TEXT = 10_000;

    private Limits() {
    }

    static void apply(Schema schema) {
        if (schema == null) {
            return;
        }
        var types = schema.getType();
        if (types != null && types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null
                && schema.getEnumeration() == null && !"binary".equals(schema.getFormat())) {
            schema.setMaxLength(switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                case "uuid" -> 36;
                case "date" -> 10;
                case "date-time" -> 35;
                default -> MAX_TEXT;
            });
        }
        if (types != null && types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(Limits::apply);
        }
        apply(schema.getItems());
        apply(schema.getAdditionalPropertiesSchema());
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(Limits::apply);
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(Limits::apply);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(Limits::apply);
        }
    }
}
