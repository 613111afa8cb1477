package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A person, chosen by the client and the same across engagements. Written as a plain string in events and over HTTP. */
public record PersonId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonId {
        if (value == null || !ClientChosenId.PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("personId " + ClientChosenId.RULE);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
