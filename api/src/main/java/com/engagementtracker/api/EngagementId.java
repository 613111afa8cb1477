package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An engagement, chosen by the server (a UUID). Written as a plain string in events and over HTTP. */
public record EngagementId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EngagementId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("engagementId must have 1 to 64 characters");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
