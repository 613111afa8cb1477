package com.engagementtracker.command;

import com.engagementtracker.api.EventJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
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
 * The command service, on Axon Server: it handles the commands Axon Server routes to it (each engagement always to
 * the same node while the nodes stay the same) and stores the events there. It serves no API: the app's web-only
 * nodes take the requests and send the commands (README, "Command and query services"). Its database (settings
 * {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}) holds the person directory (names are kept out of the events) and is the
 * one the other processes of the deployment use. HTTP: {@code /actuator/health} and {@code /actuator/prometheus}.
 * <pre>java -jar command-0.1.0-SNAPSHOT-exec.jar --axon.axonserver.servers=HOST:8124</pre>
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.engagementtracker\\.command\\.web\\..*"))
@EntityScan(basePackages = "com.engagementtracker.command")
public class CommandService {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    /** The service with its own settings ({@code command-service.properties}), not the app's. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandService.class).properties("spring.config.name=command-service");
    }

    /** The one source of "today"; tests replace it. Business dates are UTC calendar dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Jackson 2 mapper Axon serializes events and snapshots with (Axon looks it up by this name). */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * The Axon Server connection in {@code /actuator/health}: DOWN (503) while this process cannot reach Axon Server, since it can then neither take a command nor store an event.
     * Axon's own indicator is written for an older Spring Boot and does not register on this one.
     */
    @Bean
    HealthIndicator axonServer(AxonServerConnectionManager connections) {
        return () -> (connections.isConnected(connections.getDefaultContext()) ? Health.up() : Health.down())
                .withDetail("context", connections.getDefaultContext()).build();
    }
}
