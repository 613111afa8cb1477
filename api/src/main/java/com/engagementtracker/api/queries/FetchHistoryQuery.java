package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;

/** Every fact of an engagement in order, with who caused it. */
public record FetchHistoryQuery(EngagementId engagementId) {
}
