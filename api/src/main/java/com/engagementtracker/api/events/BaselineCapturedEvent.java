package com.engagementtracker.api.events;

import com.engagementtracker.api.BaselineMetric;
import java.util.List;

public record BaselineCapturedEvent(String engagementId, List<BaselineMetric> metrics) {
}
