package com.engagementtracker.app;

import com.engagementtracker.api.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;

/** The application's one configuration class: the clock, event serialization, how the HTTP API writes numbers, Axon Server health. */
@Configuration
// Our entities plus the Axon ones we use: the JPA event store, the token store and the dead letters (no sagas).
@EntityScan(basePackages = {"com.engagementtracker", "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa", "org.axonframework.eventhandling.deadletter.jpa"})
@EnableJpaRepositories(basePackages = "com.engagementtracker")
class AxonConfig {

    /** The one source of "today"; tests replace it. Business dates are UTC calendar dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Jackson 2 mapper Axon serializes events, snapshots and tokens with (Axon looks it up by this name). */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * How the HTTP API reads and writes JSON. Amounts, percentages and metric values are written as decimal
     * strings, never floats. A request naming a field the API does not know (a typo such as
     * {@code allocationPercnet}) or an enum by its position instead of its name is refused, not half-read.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestsAndDecimalsAsStrings() {
        SimpleModule module = new SimpleModule("decimals-as-strings");
        module.addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(value.toPlainString());
            }
        });
        return builder -> builder.addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /**
     * The Axon Server connection in {@code /actuator/health}: DOWN (503) while this process cannot reach Axon Server (profile {@code axonserver}), since it can then neither store an event nor route a command or query.
     * Axon's own indicator is written for an older Spring Boot and does not register on this one.
     */
    @Bean
    @ConditionalOnBooleanProperty("axon.axonserver.enabled")
    HealthIndicator axonServer(AxonServerConnectionManager connections) {
        return () -> (connections.isConnected(connections.getDefaultContext()) ? Health.up() : Health.down())
                .withDetail("context", connections.getDefaultContext()).build();
    }
}
