package org.claimledger.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * A date or instant within the years 1 to 9999: what a news claim can be about, and what
 * PostgreSQL and RFC 3339 can both represent.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableTime.Validator.class)
public @interface StorableTime {
    String message() default "must be within the years 0001 to 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableTime, Temporal> {
        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            return value == null || inRange(value);
        }

        public static boolean inRange(Temporal value) {
            int year;
            if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof Instant instant) {
                if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                        || !instant.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
                    return false;
                }
                year = instant.atOffset(ZoneOffset.UTC).getYear();
            } else {
                return true;
            }
            return year >= 1 && year <= 9999;
        }
    }
}
