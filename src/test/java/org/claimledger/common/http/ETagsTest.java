package org.claimledger.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags.Precondition;
import org.junit.jupiter.api.Test;

/** Parsing If-Match and If-None-Match (RFC 9110 section 13), without booting the service. */
class ETagsTest {

    @Test
    void shouldQuoteTheRowVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.value(7)).isEqualTo("7");
    }

    @Test
    void shouldParseAListOfStrongAndWeakTags() {
        assertThat(ETags.parse("If-Match", " \"1\", W/\"2\" ,\"a,b\"")).containsExactly("\"1\"", "W/\"2\"", "\"a,b\"");
        assertThat(ETags.parse("If-Match", " * ")).containsExactly("*");
    }

    @Test
    void shouldRefuseAnUnquotedTagAsABadParameter() {
        for (String bad : new String[] {"7", "\"7", "\"7\" \"8\"", "W/7", "\"7\";"}) {
            assertThatThrownBy(() -> ETags.parse("If-Match", bad)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.getMessage()).contains("If-Match must be * or a list of quoted entity tags"));
        }
    }

    @Test
    void shouldRequireIfMatchOnAWrite() {
        assertThatThrownBy(() -> ETags.requireIfMatch(" ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
        assertThat(ETags.optionalIfMatch(null)).isNull();
    }

    @Test
    void shouldMatchOnlyTheCurrentVersionByStrongComparison() {
        Precondition precondition = ETags.requireIfMatch("\"3\", \"4\"");
        precondition.check(4);
        assertThatThrownBy(() -> precondition.check(5)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
            assertThat(e.headers()).containsEntry("ETag", "\"5\"");
            assertThat(e.extensions()).containsEntry("currentEtag", "\"5\"");
        });
        assertThatThrownBy(() -> ETags.requireIfMatch("W/\"5\"").check(5)).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldAcceptAnyVersionForAStar() {
        Precondition any = ETags.requireIfMatch("*");
        assertThat(any.anyVersion()).isTrue();
        any.check(42);
    }

    @Test
    void shouldHitIfNoneMatchByWeakComparison() {
        assertThat(ETags.noneMatchHits("W/\"3\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("\"2\", \"3\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("*", 3)).isTrue();
        assertThat(ETags.noneMatchHits("\"2\"", 3)).isFalse();
        assertThat(ETags.noneMatchHits(null, 3)).isFalse();
    }

    @Test
    void shouldAcceptOnlyAStarAsIfNoneMatchOnAPut() {
        assertThat(ETags.onlyIfAbsent(null)).isFalse();
        assertThat(ETags.onlyIfAbsent(" ")).isFalse();
        assertThat(ETags.onlyIfAbsent(" * ")).isTrue();
        assertThatThrownBy(() -> ETags.onlyIfAbsent("\"3\"")).isInstanceOf(ProblemException.class)
                .hasMessage("on PUT, If-None-Match may only be *");
    }
}
