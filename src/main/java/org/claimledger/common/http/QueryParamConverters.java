package org.claimledger.common.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.claimledger.common.time.FuzzyDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads typed query parameters — UUIDs, RFC 3339 instants, fuzzy dates, enums, booleans and whole
 * numbers — so that a bad value is a 400 invalid-parameter problem that names the parameter and says
 * what it takes (see {@link Params}); a blank value counts as absent. A whole number is held to the
 * minimum and maximum its OpenAPI schema declares, so the contract and the check cannot drift.
 *
 * <p>A converter sees the parameter's annotations, not its Java name: name such a parameter in its
 * annotation, {@code @RestQuery("limit") Integer limit}; an unnamed one stops the service at start.
 * A malformed UUID in a path stays a plain 400 that quotes it.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return rawType == UUID.class ? (ParamConverter<T>) new Text<>(QueryParamConverters::pathUuid) : null;
        }
        Function<String, ?> read;
        if (rawType == UUID.class) {
            read = value -> Params.uuid(name, value);
        } else if (rawType == Instant.class) {
            read = value -> Params.instant(name, value);
        } else if (rawType == FuzzyDate.class) {
            read = value -> Params.fuzzyDate(name, value);
        } else if (rawType.isEnum()) {
            read = value -> Params.enumValue(name, value, (Class) rawType);
        } else if (rawType == Boolean.class) {
            read = value -> Params.flag(name, value);
        } else if (rawType == Integer.class || rawType == Long.class) {
            Range range = Range.of(annotations, rawType == Integer.class);
            read = rawType == Integer.class
                    ? value -> Math.toIntExact(Params.wholeNumber(name, value, range.min(), range.max()))
                    : value -> Params.wholeNumber(name, value, range.min(), range.max());
        } else {
            return null;
        }
        if (name.isEmpty()) {
            throw new IllegalStateException("A query parameter of type " + rawType.getSimpleName()
                    + " needs its name in its annotation, such as @RestQuery(\"name\")");
        }
        return (ParamConverter<T>) new Text<>(read);
    }

    /** The name a @RestQuery or @QueryParam gives, "" when it gives none; null for other parameters. */
    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof RestQuery query) {
                return query.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private static UUID pathUuid(String value) {
        try {
            return Params.uuid("id", value);
        } catch (RuntimeException e) {
            throw new BadRequestException("'" + value + "' is not a UUID");
        }
    }

    /** The bounds a whole number's OpenAPI schema declares, within those of its Java type. */
    private record Range(long min, long max) {
        static Range of(Annotation[] annotations, boolean isInt) {
            long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
            for (Annotation annotation : annotations) {
                if (annotation instanceof Parameter parameter) {
                    var schema = parameter.schema();
                    min = schema.minimum().isEmpty() ? min : Math.max(min, Long.parseLong(schema.minimum()));
                    max = schema.maximum().isEmpty() ? max : Math.min(max, Long.parseLong(schema.maximum()));
                }
            }
            return new Range(min, max);
        }
    }

    private record Text<T>(Function<String, T> read) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            return value == null || value.isBlank() ? null : read.apply(value);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }

}
