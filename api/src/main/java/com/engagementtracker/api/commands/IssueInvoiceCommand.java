package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import java.time.YearMonth;

/** Issue the engagement's invoice for a month that has ended, if it has anything not yet invoiced. */
public record IssueInvoiceCommand(EngagementId engagementId, YearMonth month) {
}
