package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import java.time.LocalDate;

public record EngagementCompletedEvent(EngagementId engagementId, LocalDate on, String summary) {
}
