package com.engagementtracker.query;

import com.engagementtracker.api.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The query service, on Axon Server: its projections follow the events Axon Server stores into the read models of its
 * database ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; the token store, the dead letters and their
 * migrations are this module's), and it answers the queries Axon Server routes to it, subscription queries (the
 * portal's live updates) included. Several run side by side: each projection has four segments, shared out between
 * the nodes and taken over when one stops. It serves no API: the app's web-only nodes take the requests (README,
 * "Command and query services"). HTTP: {@code /actuator/health} (a projection stopped or in error is DOWN) and
 * {@code /actuator/prometheus}.
 * <pre>java -jar query-0.1.0-SNAPSHOT-exec.jar --axon.axonserver.servers=HOST:8124</pre>
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.engagementtracker\\.query\\.web\\..*"))
@EntityScan(basePackages = {"com.engagementtracker.query", "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
public class QueryService {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    /** The service with its own settings ({@code query-service.properties}), not the app's. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryService.class).properties("spring.config.name=query-service");
    }

    /** The one source of "today"; tests replace it. Business dates are UTC calendar dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Jackson 2 mapper Axon serializes events and tokens with (Axon looks it up by this name). */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * No correlation data: the projections send no command and publish no event, and without a provider of its own
     * Axon would read every event's metadata to stamp the result of each handler call (see {@code CommandCorrelation}).
     */
    @Bean
    CorrelationDataProvider noCorrelation() {
        return message -> Map.of();
    }

    /**
     * The Axon Server connection in {@code /actuator/health}: DOWN (503) while this process cannot reach Axon Server, since no event, query or update reaches it then.
     * Axon's own indicator is written for an older Spring Boot and does not register on this one.
     */
    @Bean
    HealthIndicator axonServer(AxonServerConnectionManager connections) {
        return () -> (connections.isConnected(connections.getDefaultContext()) ? Health.up() : Health.down())
                .withDetail("context", connections.getDefaultContext()).build();
    }
}
