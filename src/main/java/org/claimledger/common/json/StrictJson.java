package org.claimledger.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Makes JSON input strict: a wrong JSON type is an error rather than a silent coercion ({@code 12}
 * is not the string {@code "12"}), unknown properties are refused (no mass assignment), an object may
 * not name a key twice (which copy would win is not for the reader to guess), and strings may not
 * carry NUL characters, which PostgreSQL cannot store, or unpaired UTF-16 surrogates (a lone
 * {@code \ud800}), which it would store as "?".
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Runs after Quarkus' own customizers, so these deserializers win over the java.time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime, LogicalType.Enum}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1_000_000).build());
        mapper.registerModule(new SimpleModule("strict-scalars")
                .addDeserializer(String.class, new StrictString())
                .addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT))
                .addDeserializer(LocalDate.class, new TextOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE)));
    }

    /** Reads a date or time only from a JSON string: 1630000000 is not a timestamp, [2021, 8, 26] not a date. */
    static final class TextOnly<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> delegate;

        TextOnly(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            return delegate.deserialize(p, ctxt);
        }
    }

    /** Reads only JSON strings as Java strings, and refuses NUL characters. */
    static final class StrictString extends StdScalarDeserializer<String> {
        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (text.indexOf('\u0000') >= 0) {
                    return (String) ctxt.handleWeirdStringValue(String.class, text, "must not contain NUL characters");
                }
                if (hasUnpairedSurrogate(text)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, text,
                            "must not contain unpaired UTF-16 surrogates");
                }
                return text;
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        static boolean hasUnpairedSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return true;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
