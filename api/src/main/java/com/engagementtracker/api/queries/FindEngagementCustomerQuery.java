package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;

/** Which customer an engagement belongs to: what keeps each customer to its own engagements. */
public record FindEngagementCustomerQuery(EngagementId engagementId) {
}
