package com.engagementtracker.command;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.SettlementPeriod;
import java.time.LocalDate;

/**
 * Which periods a gain-share settlement may cover: exactly one calendar month, quarter or year of the terms'
 * cadence. The first may begin on the start date instead of the calendar period's first day, and the last ends
 * on the end date of an engagement that ended inside it. The engagement settles by it and simulations follow it.
 *
 * @param startedOn the day the work started; null before
 * @param endedOn   the completion or cancellation date; null while the engagement runs
 */
record SettlementCalendar(SettlementPeriod cadence, LocalDate startedOn, LocalDate endedOn) {

    /**
     * The period to settle next: the one after {@code lastSettledEnd}, or, before any settlement, the one holding the
     * start (or {@code firstRecording}, where an older stream recorded before its start).
     */
    DateRange next(LocalDate lastSettledEnd, LocalDate firstRecording) {
        if (lastSettledEnd != null) {
            return startingOn(lastSettledEnd.plusDays(1));
        }
        LocalDate first = firstRecording != null && firstRecording.isBefore(startedOn) ? firstRecording : startedOn;
        return startingOn(cadence.containing(first).from());
    }

    /** Whether a settlement may cover {@code period} now: the next one, the first possibly beginning on the start date. */
    boolean accepts(DateRange period, LocalDate lastSettledEnd, LocalDate firstRecording) {
        DateRange next = next(lastSettledEnd, firstRecording);
        boolean lateFirstStart = lastSettledEnd == null && period.from().equals(startedOn) && next.contains(startedOn);
        return (period.from().equals(next.from()) || lateFirstStart) && isPeriod(period);
    }

    /** Whether {@code period} is one period of the cadence: its calendar start (or the start date) to its calendar end (or the end date). */
    boolean isPeriod(DateRange period) {
        return begins(period.from()) && period.to().equals(startingOn(period.from()).to());
    }

    /** Whether a period may begin on {@code from}: the first day of a calendar period, or the start date. */
    boolean begins(LocalDate from) {
        return from.equals(cadence.containing(from).from()) || from.equals(startedOn);
    }

    /** Words for an error: "monthly, one calendar month at a time". */
    String describe() {
        return switch (cadence) {
            case MONTHLY -> "monthly, one calendar month at a time";
            case QUARTERLY -> "quarterly, one calendar quarter at a time";
            case ANNUAL -> "annually, one calendar year at a time";
        };
    }

    private DateRange startingOn(LocalDate from) {
        DateRange calendar = cadence.containing(from);
        LocalDate to = endedOn != null && calendar.contains(endedOn) && !endedOn.isBefore(from) ? endedOn : calendar.to();
        return new DateRange(from, to);
    }
}
