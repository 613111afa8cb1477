package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;

/** One engagement's revenue, cost and margin per month. */
public record FetchMarginQuery(EngagementId engagementId) {
}
