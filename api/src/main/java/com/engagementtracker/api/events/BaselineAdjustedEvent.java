package com.engagementtracker.api.events;

import java.math.BigDecimal;

public record BaselineAdjustedEvent(String engagementId, String metricId, BigDecimal previousValue,
                                    BigDecimal baselineValue, String reason) {
}
