package com.engagementtracker.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How events, snapshots and tokens are written: JSON through Jackson 2 (Axon's serializer), dates as ISO
 * strings. Events live forever, so an old payload read by newer code (or the reverse, in a rolling
 * upgrade) ignores what it does not know. The one definition, for every process (the app, the command and query
 * services) and for tools that read or
 * write the event store directly (the benchmark harness).
 */
public final class EventJson {

    private EventJson() {
    }

    /**
     * For reading and rewriting stored payloads as JSON trees without losing a digit: 250.00 stays 250.00,
     * never the double 250.0.
     */
    public static ObjectMapper exactTrees() {
        return mapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
