package com.engagementtracker.api.events;

import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * An invoice (or credit note) sent to the customer. It never changes: a later correction is an adjustment
 * line on a later invoice. Every amount is rounded money, and {@code total} is the sum of the lines.
 */
public record InvoiceIssuedEvent(EngagementId engagementId, String invoiceId, String number, DocumentType documentType,
                                 String customerId, String customerName, YearMonth month, LocalDate issuedOn,
                                 LocalDate dueOn, List<InvoiceLine> lines, Money total) {

    public InvoiceIssuedEvent {
        lines = List.copyOf(lines);
    }
}
