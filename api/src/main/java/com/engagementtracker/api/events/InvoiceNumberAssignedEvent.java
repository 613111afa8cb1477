package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import java.time.YearMonth;

/**
 * The company's invoice register gave out its next number, in the same unit of work as the invoice that
 * carries it: either both are stored or neither is, so numbers have no gaps.
 */
public record InvoiceNumberAssignedEvent(String registerId, int year, long sequence, String number,
                                         EngagementId engagementId, YearMonth month) {
}
