package com.engagementtracker.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins "today" to 2026-06-15 for every Spring test, so that dates in the tests never age. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
