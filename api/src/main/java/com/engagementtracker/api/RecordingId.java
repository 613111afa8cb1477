package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One metric recording, chosen by the server (a UUID). Written as a plain string in events and over HTTP. */
public record RecordingId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RecordingId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("recordingId must have 1 to 64 characters");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
