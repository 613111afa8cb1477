package com.engagementtracker.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Calendar dates from {@code from} to {@code to}, both included. Never ends before it starts. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public boolean encloses(DateRange other) {
        return contains(other.from) && contains(other.to);
    }

    /** The days both ranges share; refused, like any range ending before it starts, when they share none. */
    public DateRange overlap(DateRange other) {
        return new DateRange(from.isAfter(other.from) ? from : other.from, to.isBefore(other.to) ? to : other.to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
