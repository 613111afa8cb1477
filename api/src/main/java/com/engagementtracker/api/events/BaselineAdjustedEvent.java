package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import java.math.BigDecimal;

public record BaselineAdjustedEvent(EngagementId engagementId, MetricId metricId, BigDecimal previousValue,
                                    BigDecimal baselineValue, String reason) {
}
