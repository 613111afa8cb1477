package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import java.time.LocalDate;

public record EngagementStartedEvent(EngagementId engagementId, LocalDate on) {
}
