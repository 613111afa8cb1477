package com.engagementtracker.api.queries;

import java.time.Instant;
import java.util.List;

/** An engagement's facts in the order they happened, each with who caused it and a sentence saying what it was. */
public record EngagementHistory(List<Entry> entries) {

    public EngagementHistory {
        entries = List.copyOf(entries);
    }

    /** {@code actor} and {@code role} are null for facts stored before the audit trail existed. */
    public record Entry(long sequence, String type, Instant occurredAt, String actor, String role, String correlationId,
                        String summary) {
    }
}
