package com.engagementtracker.app;

import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Axon Server connection in {@code /actuator/health} (profile {@code axonserver}): UP while the connection to
 * the default context is open, DOWN (answered with 503) while the node cannot reach Axon Server, since it can
 * then neither store an event nor route a command or query. Axon's own indicator is written for an older Spring
 * Boot and does not register on this one.
 */
@Component("axonServer")
@ConditionalOnBooleanProperty("axon.axonserver.enabled")
class AxonServerHealth implements HealthIndicator {

    private final AxonServerConnectionManager connections;

    AxonServerHealth(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        String context = connections.getDefaultContext();
        Map<String, Boolean> contexts = connections.connections();
        boolean connected = connections.isConnected(context);
        return (connected ? Health.up() : Health.down()).withDetail("context", context).withDetail("contexts", contexts).build();
    }
}
