package org.claimledger.claim;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quantity and attribution rules of a claim, checked by Bean Validation without booting the service. */
class ClaimRulesTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidator() {
        factory.close();
    }

    @Test
    void shouldAcceptACasualtyCountWithItsFigure() {
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.MORE_THAN, "70", null), null))).isEmpty();
    }

    @Test
    void shouldRequireAQuantityForACasualtyCountOrAQuantityClaim() {
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, null, null)))
                .containsEntry("quantity", "is required for a CASUALTY_COUNT claim");
        assertThat(problems(claim(ClaimType.QUANTITY, null, null)))
                .containsEntry("quantity", "is required for a QUANTITY claim");
    }

    @Test
    void shouldRefuseAQuantityOnAClaimThatStatesNoFigure() {
        assertThat(problems(claim(ClaimType.ATTRIBUTION, killed(Qualifier.EXACT, "70", null), accusedIsisK())))
                .containsOnlyKeys("quantity");
    }

    @Test
    void shouldRequireAnAttributionForAnAttributionClaim() {
        assertThat(problems(claim(ClaimType.ATTRIBUTION, null, null)))
                .containsEntry("attribution", "is required for an ATTRIBUTION claim");
        assertThat(problems(claim(ClaimType.ATTRIBUTION, null, accusedIsisK()))).isEmpty();
    }

    @Test
    void shouldRequireAnUpperValueExactlyForARange() {
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.RANGE, "70", null), null)))
                .containsEntry("quantity.upperValue", "is required when qualifier is RANGE");
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.EXACT, "70", "90"), null)))
                .containsEntry("quantity.upperValue", "is only allowed when qualifier is RANGE");
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.RANGE, "70", "90"), null))).isEmpty();
    }

    @Test
    void shouldRefuseARangeThatEndsBelowItsStart() {
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.RANGE, "90", "70"), null)))
                .containsEntry("quantity.upperValue", "must be at least value (90)");
    }

    @Test
    void shouldRefuseANegativeFigureAndAnAttributionWithoutActor() {
        assertThat(problems(claim(ClaimType.CASUALTY_COUNT, killed(Qualifier.EXACT, "-1", null), null)))
                .containsOnlyKeys("quantity.value");
        assertThat(problems(claim(ClaimType.ATTRIBUTION, null, new Attribution(" ", AttributionRole.ACCUSED, null))))
                .containsOnlyKeys("attribution.actor");
    }

    private static Map<String, String> problems(ClaimRequest request) {
        return validator.validate(request).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a + "; " + b));
    }

    private static ClaimRequest claim(ClaimType type, Quantity quantity, Attribution attribution) {
        return new ClaimRequest("Two explosions killed over 70 people", type, "Global News", null, null, "en", null,
                null, List.of(), null, null, quantity, attribution);
    }

    private static Quantity killed(Qualifier qualifier, String value, String upperValue) {
        return new Quantity(Measure.KILLED, "people", qualifier, new BigDecimal(value),
                upperValue == null ? null : new BigDecimal(upperValue), null);
    }

    private static Attribution accusedIsisK() {
        return new Attribution("ISIS-K", AttributionRole.ACCUSED, "U.S. officials");
    }
}
