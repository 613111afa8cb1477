package com.engagementtracker.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One recorded payment, chosen by the server (a UUID). Written as a plain string in events and over HTTP. */
public record PaymentId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PaymentId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("paymentId must have 1 to 64 characters");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
