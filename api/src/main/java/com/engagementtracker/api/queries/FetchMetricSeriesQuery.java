package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;

public record FetchMetricSeriesQuery(EngagementId engagementId, MetricId metricId) {
}
