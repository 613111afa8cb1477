package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.PersonId;
import java.time.LocalDate;

public record PersonReleasedEvent(EngagementId engagementId, PersonId personId, LocalDate on) {
}
