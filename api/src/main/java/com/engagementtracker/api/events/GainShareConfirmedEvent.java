package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.StatementId;
public record GainShareConfirmedEvent(EngagementId engagementId, StatementId statementId) {
}
