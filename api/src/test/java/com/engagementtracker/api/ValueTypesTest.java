package com.engagementtracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void moneyTakesItsCurrencysMinorUnitSoThatEqualAmountsAreEqual() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("1500", "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThat(Money.of("1.250", "KWD").amount()).isEqualTo(new BigDecimal("1.250"));
        assertThat(Money.of("10.00", "EUR")).isNotEqualTo(Money.of("10.00", "USD"));
    }

    @Test
    void moneyRefusesFractionsOfTheMinorUnitInsteadOfRoundingThemAway() {
        assertThatThrownBy(() -> Money.of("10.005", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an amount in EUR has at most 2 decimal places, got 10.005");
        assertThatThrownBy(() -> Money.of("15.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyCountsItsDigitsWithoutOverflowEvenAtExtremeExponents() {
        // precision - scale of 1E+2147483647 wraps to a negative int: the count must be done in long
        assertThat(Limits.integerDigits(new BigDecimal("1E+2147483647"))).isEqualTo(2_147_483_648L);
        assertThat(Limits.integerDigits(new BigDecimal("-1E+2147483647"))).isEqualTo(2_147_483_648L);
        assertThat(Limits.fractionDigits(new BigDecimal("1E-2147483647"))).isEqualTo(2_147_483_647L);
        assertThat(Limits.integerDigits(new BigDecimal("123.45"))).isEqualTo(3L);
        assertThat(Limits.fractionDigits(new BigDecimal("123.4500"))).isEqualTo(2L);
        assertThat(Limits.integerDigits(BigDecimal.ZERO)).isEqualTo(0L);
        assertThatThrownBy(() -> Money.of("1E+2147483647", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an amount has at most 15 digits before the decimal point");
        assertThatThrownBy(() -> Money.of("-1E+2147483647", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an amount has at most 15 digits before the decimal point");
        assertThatThrownBy(() -> Money.of("1E-2147483647", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Limits.fits(new BigDecimal("999999999999999.999999"), 15, 6)).isTrue();
        assertThat(Limits.fits(new BigDecimal("1E+2147483647"), 15, 6)).isFalse();
        assertThat(Limits.fits(new BigDecimal("1E-2147483647"), 15, 6)).isFalse();
        assertThat(Limits.fits(new BigDecimal("1.5E+3"), 15, 0)).isTrue();
    }

    @Test
    void roundingIsHalfEvenToTheMinorUnit() {
        Currency eur = Currency.getInstance("EUR");
        assertThat(Money.rounded(new BigDecimal("10.025"), eur)).isEqualTo(Money.of("10.02", "EUR"));
        assertThat(Money.rounded(new BigDecimal("10.035"), eur)).isEqualTo(Money.of("10.04", "EUR"));
        assertThat(Money.rounded(new BigDecimal("-10.025"), eur)).isEqualTo(Money.of("-10.02", "EUR"));
        assertThat(Money.rounded(new BigDecimal("2.5"), Currency.getInstance("JPY"))).isEqualTo(Money.of("2", "JPY"));
    }

    @Test
    void moneyOfTwoCurrenciesDoesNotAdd() {
        assertThat(Money.of("1.10", "EUR").plus(Money.of("2.20", "EUR"))).isEqualTo(Money.of("3.30", "EUR"));
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDateRangeIncludesBothEndsAndNeverEndsBeforeItStarts() {
        DateRange february = new DateRange(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29"));
        assertThat(february.days()).isEqualTo(29);
        assertThat(february.contains(LocalDate.parse("2028-02-29"))).isTrue();
        assertThat(february.contains(LocalDate.parse("2028-03-01"))).isFalse();
        assertThat(new DateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05")).days()).isEqualTo(1);
        assertThatThrownBy(() -> new DateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-04")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoRangesOverlapOnTheDaysTheyShare() {
        DateRange march = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
        DateRange engagement = new DateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-03-15"));
        assertThat(march.overlap(engagement))
                .isEqualTo(new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-15")));
        assertThat(engagement.overlap(march)).isEqualTo(march.overlap(engagement));
        assertThatThrownBy(() -> march.overlap(new DateRange(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientChosenIdsFollowTheApiPattern() {
        assertThat(new MetricId("on-time-2").toString()).isEqualTo("on-time-2");
        assertThatThrownBy(() -> new MetricId("On Time")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonId("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementId(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customerJobScoresRunFromOneToFive() {
        assertThatThrownBy(() -> new CustomerJob("x", 0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerJob("x", 3, 6, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
