package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.StatementId;
public record GainShareDisputedEvent(EngagementId engagementId, StatementId statementId, String reason) {
}
