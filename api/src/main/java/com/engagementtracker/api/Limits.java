package com.engagementtracker.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the product accepts, sized so that the event store and every read model can hold it: a value
 * inside these limits can never make a projection fail. Requests beyond them are refused with a 400 that
 * names the field, before anything is stored. The README's Reliability section lists them for users.
 */
public final class Limits {

    /** digits before the decimal point of a metric value (baseline, recording, correction) */
    public static final int VALUE_INTEGER_DIGITS = 15;
    /** digits after the decimal point of a metric value */
    public static final int VALUE_FRACTION_DIGITS = 6;
    /** digits before the decimal point of a money amount; the minor unit of its currency limits the rest */
    public static final int MONEY_INTEGER_DIGITS = 15;
    /** digits after the decimal point of an allocation or share percentage */
    public static final int PERCENT_FRACTION_DIGITS = 2;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    /** the largest request body, in bytes */
    public static final int BODY_BYTES = 1024 * 1024;
    /** the most recordings in one batch, and the largest body of a batch request, in bytes */
    public static final int BATCH_ROWS = 10_000;
    public static final int BATCH_BODY_BYTES = 4 * 1024 * 1024;
    /** the largest CSV import, in bytes: it is spooled to a file, never held in memory */
    public static final long IMPORT_BYTES = 256L * 1024 * 1024;

    private Limits() {
    }

    /**
     * Digits before the decimal point, counted in {@code long}: {@code precision - scale} of 1E+2147483647 wraps
     * around in {@code int} (and so passes Bean Validation's {@code @Digits}). Zero has none.
     */
    public static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, (long) value.precision() - value.scale());
    }

    /** Digits after the decimal point that carry a value (trailing zeros do not count). */
    public static long fractionDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, value.stripTrailingZeros().scale());
    }

    /** Whether {@code value} has at most {@code integer} digits before the point and {@code fraction} after it. */
    public static boolean fits(BigDecimal value, int integer, int fraction) {
        return integerDigits(value) <= integer && fractionDigits(value) <= fraction;
    }

    public static boolean dateInRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }
}
