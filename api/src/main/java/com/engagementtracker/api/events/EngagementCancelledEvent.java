package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import java.time.LocalDate;

public record EngagementCancelledEvent(EngagementId engagementId, LocalDate on, String reason) {
}
