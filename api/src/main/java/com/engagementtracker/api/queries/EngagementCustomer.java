package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;

/** The customer an engagement belongs to. */
public record EngagementCustomer(EngagementId engagementId, String customerId) {
}
