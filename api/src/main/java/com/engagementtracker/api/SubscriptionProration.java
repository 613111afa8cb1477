package com.engagementtracker.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Subscription billing (docs/domain.md): a calendar month with {@code a} active days out of {@code n} is
 * charged {@code F * a / n}; a fee change splits its month pro rata. Days count inclusively (the start
 * and the end date are both billed). Each month is rounded once, HALF_EVEN, by {@link Money#rounded}.
 */
public final class SubscriptionProration {

    /** A fee in force from a date on. */
    public record Fee(LocalDate effectiveFrom, Money monthlyFee) {
    }

    public record MonthlyCharge(YearMonth month, Money amount, int days, int daysInMonth) {
    }

    private SubscriptionProration() {
    }

    /**
     * @param fees the fees in force, each from its date; the earliest applies from the first active day
     *             even if it was agreed later
     * @param active the billed days, both ends included
     */
    public static List<MonthlyCharge> charges(List<Fee> fees, DateRange active) {
        List<Fee> schedule = fees.stream().sorted(Comparator.comparing(Fee::effectiveFrom)).toList();
        if (schedule.isEmpty()) {
            return List.of();
        }
        List<MonthlyCharge> charges = new ArrayList<>();
        for (YearMonth month = YearMonth.from(active.from()); !month.isAfter(YearMonth.from(active.to()));
             month = month.plusMonths(1)) {
            DateRange billed = new DateRange(month.atDay(1), month.atEndOfMonth()).overlap(active);
            BigDecimal feeDays = BigDecimal.ZERO;
            for (LocalDate day = billed.from(); !day.isAfter(billed.to()); day = day.plusDays(1)) {
                feeDays = feeDays.add(feeOn(schedule, day).amount());
            }
            int days = (int) billed.days();
            BigDecimal exact = feeDays.divide(BigDecimal.valueOf(month.lengthOfMonth()), MathContext.DECIMAL128);
            charges.add(new MonthlyCharge(month, Money.rounded(exact, schedule.get(0).monthlyFee().currency()), days,
                    month.lengthOfMonth()));
        }
        return charges;
    }

    private static Money feeOn(List<Fee> schedule, LocalDate day) {
        Money fee = schedule.get(0).monthlyFee();
        for (Fee change : schedule) {
            if (change.effectiveFrom().isAfter(day)) {
                break;
            }
            fee = change.monthlyFee();
        }
        return fee;
    }
}
