package com.engagementtracker.api;

import java.time.LocalDate;

/**
 * One line of an invoice, as issued. {@code statementId} names the statement of a GAIN_SHARE line; an
 * ADJUSTMENT line's period is the month it corrects.
 */
public record InvoiceLine(Kind kind, String description, LocalDate periodStart, LocalDate periodEnd, Money amount,
                          StatementId statementId) {

    public enum Kind {
        SUBSCRIPTION, GAIN_SHARE, ADJUSTMENT
    }
}
