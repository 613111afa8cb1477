package com.engagementtracker.api.queries;

import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.StatementId;
import java.util.Map;

/** An invoice with what its PDF shows besides: the breakdown of each statement it bills. */
public record InvoiceDocument(Invoice invoice, Map<StatementId, GainShareBreakdown> statements) {
}
