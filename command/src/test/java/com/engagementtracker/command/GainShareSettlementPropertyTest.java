package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.EUR;
import static com.engagementtracker.command.EngagementFixtures.STOCKOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.Money;
import com.engagementtracker.command.GainShareSettlement.Measurement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GainShareSettlementPropertyTest {

    private static Money cents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), EUR);
    }

    @Property
    void theSupplierShareNeverExceedsACapNorGoesNegativeAndTheSharesAddUp(
            @ForAll @IntRange(min = 0, max = 400) int stockouts,
            @ForAll @IntRange(min = 1, max = 100) int sharePercent,
            @ForAll @LongRange(min = 0, max = 2_000_000) long hurdleCents,
            @ForAll @LongRange(min = 0, max = 2_000_000) long periodCapCents,
            @ForAll @LongRange(min = 0, max = 5_000_000) long lifetimeCapCents,
            @ForAll @LongRange(min = 0, max = 5_000_000) long sharedSoFarCents,
            @ForAll @LongRange(min = 0, max = 5_000_000) long deficitCents) {
        GainShareTerms terms = new GainShareTerms(BigDecimal.valueOf(sharePercent), cents(hurdleCents),
                cents(periodCapCents), cents(lifetimeCapCents), true);
        List<Measurement> january = List.of(new Measurement(STOCKOUTS.metricId(), LocalDate.parse("2026-01-31"), 0,
                BigDecimal.valueOf(stockouts)));

        GainShareBreakdown b = GainShareSettlement.settle(List.of(STOCKOUTS), january, terms,
                BigDecimal.valueOf(deficitCents, 2), cents(sharedSoFarCents), EUR);

        BigDecimal supplier = b.supplierShare().amount();
        assertThat(supplier).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(supplier).isLessThanOrEqualTo(cents(periodCapCents).amount());
        assertThat(supplier).isLessThanOrEqualTo(
                cents(lifetimeCapCents).amount().subtract(cents(sharedSoFarCents).amount()).max(BigDecimal.ZERO));
        assertThat(b.customerShare().amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(b.supplierShare().plus(b.customerShare())).isEqualTo(Money.rounded(b.shareableGain(), EUR));
        assertThat(b.deficitAfter()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }
}
