package com.engagementtracker.api;

import java.time.LocalDate;
import java.time.YearMonth;

/** How often gain is settled: calendar months, calendar quarters or calendar years. */
public enum SettlementPeriod {
    MONTHLY(1), QUARTERLY(3), ANNUAL(12);

    private final int months;

    SettlementPeriod(int months) {
        this.months = months;
    }

    /** The calendar month, quarter or year that {@code date} falls in. */
    public DateRange containing(LocalDate date) {
        int firstMonth = (date.getMonthValue() - 1) / months * months + 1;
        YearMonth first = YearMonth.of(date.getYear(), firstMonth);
        return new DateRange(first.atDay(1), first.plusMonths(months - 1L).atEndOfMonth());
    }
}
