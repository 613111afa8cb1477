package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One gain-share statement, chosen by the server (a UUID). Written as a plain string in events and over HTTP. */
public record StatementId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StatementId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("statementId must have 1 to 64 characters");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
