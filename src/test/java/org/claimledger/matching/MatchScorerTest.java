package org.claimledger.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scoring rules on their own: number words, bounds, conflicts. Plain JUnit, no database. */
class MatchScorerTest {

    @Test
    void shouldWriteNumberWordsAsDigits() {
        assertThat(MatchText.normalise("More than seventy people died")).isEqualTo("morethan 70 people killed");
        assertThat(MatchText.normalise("Over 70 killed")).isEqualTo("morethan 70 killed");
        assertThat(MatchText.normalise("one hundred and twenty-five wounded")).isEqualTo("125 injured");
        assertThat(MatchText.normalise("Soixante-dix morts à Kaboul")).isEqualTo("70 killed a kaboul");
        assertThat(MatchText.normalise("quatre-vingt-dix blessés")).isEqualTo("90 injured");
        assertThat(MatchText.normalise("Setenta y dos muertos")).isEqualTo("72 killed");
        assertThat(MatchText.normalise("1,200 displaced")).isEqualTo("1200 displaced");
        assertThat(MatchText.normalise("two thousand fighters")).isEqualTo("2000 fighters");
    }

    @Test
    void shouldOverlapBoundsByQualifier() {
        var moreThan70 = figure("MORE_THAN", 70, null);
        assertThat(MatchScorer.sameQuantity(moreThan70, figure("EXACT", 72, null))).isTrue();
        assertThat(MatchScorer.sameQuantity(moreThan70, figure("RANGE", 60, 80))).isTrue();
        assertThat(MatchScorer.sameQuantity(moreThan70, figure("EXACT", 12, null))).isFalse();
        assertThat(MatchScorer.sameQuantity(moreThan70, figure("AT_LEAST", 72, null))).isTrue();
        assertThat(MatchScorer.sameQuantity(moreThan70, figure("MORE_THAN", 700, null))).isFalse();
        assertThat(MatchScorer.sameQuantity(figure("FEWER_THAN", 10, null), figure("EXACT", 12, null))).isFalse();
        assertThat(MatchScorer.sameQuantity(figure("APPROXIMATELY", 100, null), figure("EXACT", 95, null))).isTrue();
        assertThat(MatchScorer.sameQuantity(moreThan70,
                new MatchDraft.Figure("INJURED", "EXACT", BigDecimal.valueOf(72), null, "people"))).isFalse();
        assertThat(MatchScorer.sameQuantity(
                new MatchDraft.Figure("KILLED", "MORE_THAN", BigDecimal.valueOf(70), null, "children"),
                new MatchDraft.Figure("KILLED", "EXACT", BigDecimal.valueOf(72), null, "U.S. service members"))).isFalse();
        assertThat(MatchScorer.sameQuantity(moreThan70,
                new MatchDraft.Figure("KILLED", "EXACT", BigDecimal.valueOf(72), null, "civilians"))).isTrue();
    }

    @Test
    void shouldRankTheSameFigureWordedOtherwiseAboveTheSameWordsWithAnotherFigure() {
        var draft = new MatchDraft(null, "Over 70 killed in twin blasts at Kabul airport", "CASUALTY_COUNT", "en",
                LocalDate.of(2021, 8, 26), figure("MORE_THAN", 70, null), null, List.of(), List.of());
        var paraphrase = candidate("More than seventy people died in two explosions", figure("AT_LEAST", 72, null));
        var nearMiss = candidate("Over 12 killed in twin blasts at Kabul airport", figure("MORE_THAN", 12, null));
        double same = MatchScorer.score(draft, paraphrase).score();
        double other = MatchScorer.score(draft, nearMiss).score();
        assertThat(same).isGreaterThan(other).isBetween(0.0, 1.0);
        assertThat(MatchScorer.score(draft, paraphrase).reasons().sameQuantity()).isTrue();
        assertThat(MatchScorer.score(draft, nearMiss).reasons().sameQuantity()).isFalse();
    }

    private static MatchDraft.Figure figure(String qualifier, int value, Integer upper) {
        return new MatchDraft.Figure("KILLED", qualifier, BigDecimal.valueOf(value),
                upper == null ? null : BigDecimal.valueOf(upper), "people");
    }

    private static MatchScorer.Candidate candidate(String statement, MatchDraft.Figure figure) {
        return new MatchScorer.Candidate(UUID.randomUUID(), statement, "UNVERIFIED", "CASUALTY_COUNT",
                LocalDate.of(2021, 8, 27), figure, null, List.of(), List.of());
    }
}
