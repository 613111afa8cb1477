package com.engagementtracker.api.queries;

import java.util.List;

/** An engagement's invoices, oldest first. */
public record Invoices(List<Invoice> invoices) {
}
