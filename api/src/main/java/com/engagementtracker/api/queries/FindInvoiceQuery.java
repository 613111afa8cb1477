package com.engagementtracker.api.queries;

/** One invoice by its id, with the statements behind its gain-share lines. */
public record FindInvoiceQuery(String invoiceId) {
}
