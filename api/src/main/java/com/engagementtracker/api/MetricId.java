package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A metric of an engagement's baseline, chosen by the client. Written as a plain string in events and over HTTP. */
public record MetricId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MetricId {
        if (value == null || !ClientChosenId.PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("metricId " + ClientChosenId.RULE);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
