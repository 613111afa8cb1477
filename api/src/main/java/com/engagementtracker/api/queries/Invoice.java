package com.engagementtracker.api.queries;

import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * An issued invoice as finance and the customer see it: the document as it was sent (number, dates, lines,
 * total) and what has been paid on it since. A credit note's own amount counts as settled: its credit goes
 * to the customer's other invoices.
 */
public record Invoice(String id, String number, DocumentType documentType, EngagementId engagementId, String customerId,
                      String customerName, YearMonth month, LocalDate issuedOn, LocalDate dueOn, Currency currency,
                      List<InvoiceLine> lines, Money total, Money paid, Money outstanding, Status status) {

    public enum Status {
        OPEN, PAID, OVERDUE
    }

    /** Paid when nothing is owed; overdue when something is owed after the due date; open otherwise. */
    public static Status status(Money outstanding, LocalDate dueOn, LocalDate today) {
        if (outstanding.amount().signum() <= 0) {
            return Status.PAID;
        }
        return today.isAfter(dueOn) ? Status.OVERDUE : Status.OPEN;
    }
}
