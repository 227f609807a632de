package org.claimledger.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FuzzyDateTest {

    @Test
    void shouldKeepThePrecisionTheSourceGives() {
        assertThat(FuzzyDate.parse("2015")).isEqualTo(new FuzzyDate("2015", LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31)));
        assertThat(FuzzyDate.parse("2024-02")).isEqualTo(new FuzzyDate("2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(FuzzyDate.parse("2021-08-26").first()).isEqualTo(LocalDate.of(2021, 8, 26));
        assertThat(FuzzyDate.parse("2021-08-26").last()).isEqualTo(LocalDate.of(2021, 8, 26));
        assertThat(FuzzyDate.parse("2019/2020")).isEqualTo(new FuzzyDate("2019/2020", LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(FuzzyDate.parse("2019-05/2019-07-04").last()).isEqualTo(LocalDate.of(2019, 7, 4));
        assertThat(FuzzyDate.parse("2019/2020").toString()).isEqualTo("2019/2020");
    }

    @Test
    void shouldRefuseWhatIsNotADateOfThoseForms() {
        for (String bad : new String[] {"2021-13", "2021-02-30", "21", "2021-8-26", "26/08/2021", "2020/2019", "0000",
                "2021-08-26T10:00:00Z", "2019/", "/2019", "2019..2020", ""}) {
            assertThatThrownBy(() -> FuzzyDate.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldOverlapRangesThatShareADay() {
        var year = FuzzyDate.parse("2015");
        assertThat(year.overlaps(LocalDate.of(2015, 6, 1), LocalDate.of(2015, 6, 1))).isTrue();
        assertThat(year.overlaps(LocalDate.of(2016, 1, 1), null)).isFalse();
        assertThat(year.overlaps(null, LocalDate.of(2015, 1, 1))).isTrue();
    }
}
