package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;

public record FetchInvoicesQuery(EngagementId engagementId) {
}
