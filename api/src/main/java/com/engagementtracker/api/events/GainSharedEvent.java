package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.StatementId;
import java.time.LocalDate;

public record GainSharedEvent(
        EngagementId engagementId,
        StatementId statementId,
        LocalDate periodStart,
        LocalDate periodEnd,
        GainShareBreakdown breakdown) {
}
