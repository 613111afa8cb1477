package com.engagementtracker.query.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.SubscriptionProration;
import com.engagementtracker.api.SubscriptionProration.Fee;
import com.engagementtracker.api.SubscriptionProration.MonthlyCharge;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionProrationTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Fee fee(String from, String amount) {
        return new Fee(LocalDate.parse(from), eur(amount));
    }

    private static List<MonthlyCharge> charges(List<Fee> fees, String from, String to) {
        return SubscriptionProration.charges(fees, new DateRange(LocalDate.parse(from), LocalDate.parse(to)));
    }

    private static MonthlyCharge charge(String month, String amount, int days, int daysInMonth) {
        return new MonthlyCharge(YearMonth.parse(month), eur(amount), days, daysInMonth);
    }

    @Test
    void aStartMidMonthIsChargedForTheDaysFromTheStartInclusive() {
        assertThat(charges(List.of(fee("2026-01-05", "3100.00")), "2026-01-05", "2026-02-28")).containsExactly(
                charge("2026-01", "2700.00", 27, 31),     // 3100.00 x 27 / 31
                charge("2026-02", "3100.00", 28, 28));
    }

    @Test
    void aFeeChangeMidMonthSplitsThatMonth() {
        List<Fee> fees = List.of(fee("2026-01-01", "3000.00"), fee("2026-03-15", "3500.00"));

        assertThat(charges(fees, "2026-02-01", "2026-04-30")).containsExactly(
                charge("2026-02", "3000.00", 28, 28),
                charge("2026-03", "3274.19", 31, 31),     // (14 x 3000.00 + 17 x 3500.00) / 31 = 3274.1935...
                charge("2026-04", "3500.00", 30, 30));
    }

    @Test
    void aCompletionMidMonthEndsTheChargesOnThatDayInclusive() {
        assertThat(charges(List.of(fee("2026-01-01", "3100.00")), "2026-04-01", "2026-05-20")).containsExactly(
                charge("2026-04", "3100.00", 30, 30),
                charge("2026-05", "2000.00", 20, 31));    // 3100.00 x 20 / 31
    }

    @Test
    void februaryHas28Days() {
        assertThat(charges(List.of(fee("2026-02-15", "3000.00")), "2026-02-15", "2026-02-28"))
                .containsExactly(charge("2026-02", "1500.00", 14, 28));
    }

    @Test
    void aLeapYearFebruaryHas29Days() {
        assertThat(charges(List.of(fee("2028-02-10", "3000.00")), "2028-02-10", "2028-02-29"))
                .containsExactly(charge("2028-02", "2068.97", 20, 29));   // 3000.00 x 20 / 29 = 2068.9655...
    }

    @Test
    void aFull31DayMonthCostsTheFee() {
        assertThat(charges(List.of(fee("2026-07-01", "2999.99")), "2026-07-01", "2026-07-31"))
                .containsExactly(charge("2026-07", "2999.99", 31, 31));
    }

    @Test
    void aSingleDayIsOneDayOfItsMonth() {
        assertThat(charges(List.of(fee("2026-06-01", "3000.00")), "2026-06-30", "2026-06-30"))
                .containsExactly(charge("2026-06", "100.00", 1, 30));
    }

    @Test
    void halfACentRoundsToTheEvenCent() {
        // 1000.10 x 7 / 28 = 250.025 and 1000.30 x 7 / 28 = 250.075
        assertThat(charges(List.of(fee("2026-01-01", "1000.10")), "2026-02-22", "2026-02-28"))
                .containsExactly(charge("2026-02", "250.02", 7, 28));
        assertThat(charges(List.of(fee("2026-01-01", "1000.30")), "2026-02-22", "2026-02-28"))
                .containsExactly(charge("2026-02", "250.08", 7, 28));
    }

    @Test
    void theAgreedFeeAppliesFromTheFirstActiveDayEvenIfItWasAgreedLater() {
        assertThat(charges(List.of(fee("2026-03-10", "3100.00")), "2026-03-01", "2026-03-31"))
                .containsExactly(charge("2026-03", "3100.00", 31, 31));
    }

    @Test
    void ofTwoChangesOnOneDateTheLaterRecordedWins() {
        List<Fee> fees = List.of(fee("2026-01-01", "3000.00"), fee("2026-03-01", "3200.00"), fee("2026-03-01", "3300.00"));

        assertThat(charges(fees, "2026-03-01", "2026-03-31")).containsExactly(charge("2026-03", "3300.00", 31, 31));
    }

    @Test
    void noFeeNoCharges() {
        assertThat(charges(List.of(), "2026-03-01", "2026-03-31")).isEmpty();
    }
}
