package com.engagementtracker.query.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.SubscriptionProration;
import com.engagementtracker.api.SubscriptionProration.Fee;
import com.engagementtracker.api.SubscriptionProration.MonthlyCharge;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SubscriptionProrationPropertyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Property
    void aWholeYearAtAConstantFeeCostsTwelveFees(@ForAll @LongRange(min = 0, max = 10_000_000) long feeInCents,
                                                @ForAll @IntRange(min = 2000, max = 2100) int year) {
        Money fee = new Money(BigDecimal.valueOf(feeInCents, 2), EUR);
        List<MonthlyCharge> charges = SubscriptionProration.charges(List.of(new Fee(LocalDate.of(year, 1, 1), fee)),
                new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));

        assertThat(charges).hasSize(12);
        assertThat(charges.stream().map(MonthlyCharge::amount).reduce(Money.zero(EUR), Money::plus))
                .isEqualTo(new Money(BigDecimal.valueOf(feeInCents * 12, 2), EUR));
    }

    @Property
    void everyMonthIsChargedBetweenTheLowestAndHighestFeeProRata(@ForAll("feeHistories") List<Fee> fees,
                                                                 @ForAll("periods") DateRange active) {
        BigDecimal lowest = fees.stream().map(f -> f.monthlyFee().amount()).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal highest = fees.stream().map(f -> f.monthlyFee().amount()).max(BigDecimal::compareTo).orElseThrow();
        for (MonthlyCharge charge : SubscriptionProration.charges(fees, active)) {
            assertThat(charge.amount().amount()).isBetween(prorated(lowest, charge), prorated(highest, charge));
            assertThat(charge.days()).isBetween(1, charge.daysInMonth());
        }
    }

    @Property
    void theActiveDaysOfAllMonthsAddUpToThePeriod(@ForAll("feeHistories") List<Fee> fees, @ForAll("periods") DateRange active) {
        assertThat(SubscriptionProration.charges(fees, active).stream().mapToLong(MonthlyCharge::days).sum())
                .isEqualTo(active.days());
    }

    /** fee x days / daysInMonth, divided last as the product does, so that no rounding comes early */
    private static BigDecimal prorated(BigDecimal fee, MonthlyCharge charge) {
        return Money.rounded(fee.multiply(BigDecimal.valueOf(charge.days()))
                .divide(BigDecimal.valueOf(charge.daysInMonth()), MathContext.DECIMAL128), EUR).amount();
    }

    @Provide
    Arbitrary<List<Fee>> feeHistories() {
        Arbitrary<Fee> fee = Combinators.combine(
                Arbitraries.integers().between(0, 3 * 365).map(days -> LocalDate.of(2025, 1, 1).plusDays(days)),
                Arbitraries.longs().between(0, 1_000_000).map(cents -> new Money(BigDecimal.valueOf(cents, 2), EUR)))
                .as(Fee::new);
        return fee.list().ofMinSize(1).ofMaxSize(6).map(ArrayList::new);
    }

    @Provide
    Arbitrary<DateRange> periods() {
        return Combinators.combine(Arbitraries.integers().between(0, 2 * 365), Arbitraries.integers().between(0, 800))
                .as((start, length) -> new DateRange(LocalDate.of(2025, 1, 1).plusDays(start),
                        LocalDate.of(2025, 1, 1).plusDays(start + length)));
    }
}
