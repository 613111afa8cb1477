package com.engagementtracker.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How events, snapshots and tokens are written: JSON through Jackson 2 (Axon's serializer), dates as ISO
 * strings. Events live forever, so an old payload read by newer code (or the reverse, in a rolling
 * upgrade) ignores what it does not know. The one definition, for the app and for tools that read or
 * write the event store directly (the benchmark harness).
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
