package com.engagementtracker.query.metrics;

import com.engagementtracker.query.ProjectionStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The projections in {@code /actuator/health} and in Prometheus. A projection that is stopped or in error
 * is DOWN; one with dead letters is {@code DEAD_LETTERS} (answered with 200: the product still serves
 * every other engagement, but an operator has something to fix). The gauge
 * {@code engagement_projection_dead_letters{processor}} counts the events set aside.
 */
@Component("projections")
public class ProjectionHealth implements HealthIndicator, MeterBinder {

    static final Status DEAD_LETTERS = new Status("DEAD_LETTERS", "a projection set events aside; see /api/admin/dead-letters");

    private final EventProcessingConfiguration processing;

    ProjectionHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Status status = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        StreamingEventProcessor processor = processing.eventProcessor(ProjectionStream.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        boolean inError = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
        for (String name : ProjectionStream.PROJECTIONS) {
            long deadLetters = deadLetters(name);
            details.put(name, Map.of("running", processor.isRunning(), "error", inError, "deadLetters", deadLetters));
            if (!processor.isRunning() || inError) {
                status = Status.DOWN;
            } else if (deadLetters > 0 && status == Status.UP) {
                status = DEAD_LETTERS;
            }
        }
        return Health.status(status).withDetails(details).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : ProjectionStream.PROJECTIONS) {
            Gauge.builder("engagement.projection.dead.letters", () -> deadLetters(name))
                    .description("events a projection could not handle, set aside with the later events of their engagement")
                    .tag("processor", name)
                    .register(registry);
        }
    }

    private long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
    }
}
