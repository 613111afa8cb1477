package com.engagementtracker.api;

import java.util.function.Supplier;

/**
 * A value that breaks a rule of the record it is for, naming the field at fault. The rule lives in that
 * record (or command); a request that maps onto it gets the refusal as a 400 naming the field, with the
 * record's own words, and nothing is stored.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The value built by {@code build}, its refusals naming their fields under {@code prefix} (a request's path). */
    public static <T> T within(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValue invalid) {
            throw new InvalidValue(prefix + "." + invalid.field(), invalid.getMessage());
        }
    }

    /** Refuses a range whose end, named {@code toField}, lies before its start. */
    public static void requireOrder(java.time.LocalDate from, java.time.LocalDate to, String fromField, String toField) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValue(toField, "must not be before " + fromField);
        }
    }
}
