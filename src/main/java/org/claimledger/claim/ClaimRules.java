package org.claimledger.claim;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.Set;

/** The rules of a claim that span fields: which types need a quantity or an attribution, and ranges. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ClaimRules.Validator.class)
public @interface ClaimRules {
    String message() default "claim breaks a rule";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClaimRules, ClaimRequest> {

        static final Set<ClaimType> NEED_QUANTITY = EnumSet.of(ClaimType.CASUALTY_COUNT, ClaimType.QUANTITY);

        @Override
        public boolean isValid(ClaimRequest claim, ConstraintValidatorContext context) {
            if (claim == null || claim.type() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (NEED_QUANTITY.contains(claim.type()) && claim.quantity() == null) {
                valid = fail(context, "quantity", "is required for a " + claim.type() + " claim");
            }
            if (!NEED_QUANTITY.contains(claim.type()) && claim.quantity() != null) {
                valid = fail(context, "quantity", "must be absent for a " + claim.type()
                        + " claim; only CASUALTY_COUNT and QUANTITY claims state a figure");
            }
            if (claim.type() == ClaimType.ATTRIBUTION && claim.attribution() == null) {
                valid = fail(context, "attribution", "is required for an ATTRIBUTION claim");
            }
            Quantity q = claim.quantity();
            if (q != null && q.qualifier() != null) {
                if (q.qualifier() == Qualifier.RANGE && q.upperValue() == null) {
                    valid = fail(context, "quantity.upperValue", "is required when qualifier is RANGE");
                } else if (q.qualifier() != Qualifier.RANGE && q.upperValue() != null) {
                    valid = fail(context, "quantity.upperValue", "is only allowed when qualifier is RANGE");
                } else if (q.upperValue() != null && q.value() != null && q.upperValue().compareTo(q.value()) < 0) {
                    valid = fail(context, "quantity.upperValue", "must be at least value (" + q.value().toPlainString() + ")");
                }
            }
            return valid;
        }

        private static boolean fail(ConstraintValidatorContext context, String path, String message) {
            var builder = context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"));
            String[] nodes = path.split("\\.");
            var node = builder.addPropertyNode(nodes[0]);
            for (int i = 1; i < nodes.length; i++) {
                node = node.addPropertyNode(nodes[i]);
            }
            node.addConstraintViolation();
            return false;
        }
    }
}
