package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import java.time.LocalDate;

/** The planned dates moved: from {@code previousStart} to {@code previousEnd}, now {@code plannedStart} to {@code plannedEnd}. */
public record PlanChangedEvent(EngagementId engagementId, LocalDate previousStart, LocalDate previousEnd,
                               LocalDate plannedStart, LocalDate plannedEnd, String reason) {
}
