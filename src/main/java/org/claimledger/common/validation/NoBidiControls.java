package org.claimledger.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or label without bidirectional control characters (U+202A..U+202E embeddings and
 * overrides, U+2066..U+2069 isolates): in a claimant, an actor or a tag they only serve to make a
 * value read differently from what it is (Trojan Source), in the API, the CSV and the ClaimReview.
 * Long prose (statements, explanations) may still carry them for right-to-left text.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoBidiControls.Validator.class)
public @interface NoBidiControls {
    String message() default "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoBidiControls, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(Validator::bidiControl);
        }

        static boolean bidiControl(int c) {
            return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        }
    }
}
