package com.engagementtracker.api.events;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.EngagementId;
import java.util.List;

public record BaselineCapturedEvent(EngagementId engagementId, List<BaselineMetric> metrics) {
}
