package org.claimledger.common.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/** Reads UUID path and query parameters so that a malformed id is a 400 problem, not a 404. */
@Provider
public class UuidParamConverter implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                try {
                    return Params.uuid("id", value);
                } catch (RuntimeException e) {
                    throw new BadRequestException("'" + value + "' is not a UUID");
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }
}
