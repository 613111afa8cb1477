package com.engagementtracker.query.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far behind each segment of each projection this node runs is, in Prometheus:
 * {@code engagement_projection_lag_events{processor,segment}} (events stored after the segment's position) and
 * {@code engagement_projection_lag_seconds{processor,segment}} (0 when the segment has handled everything; otherwise
 * the age of the newest event it has applied, which is how stale its part of the read model is). A segment that
 * moves to another node is reported there; here its gauges read 0. Gauges appear for a segment once this node holds it.
 */
@Component
public class ProjectionLag {

    private static final String SEGMENT_RESOURCE = "Processor[%s]/SegmentId";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private final Clock clock;
    /** per processor and segment, the newest event applied; its time is read when the gauge is, not per event */
    private final Map<String, Map<Integer, EventMessage<?>>> lastApplied = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    ProjectionLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
        this.clock = clock;
    }

    /** Notes, per segment, the time of each event a projection applies. */
    @Autowired
    void watch(EventProcessingConfigurer configurer) {
        configurer.registerDefaultHandlerInterceptor((configuration, processor) -> applied(processor));
    }

    private MessageHandlerInterceptor<EventMessage<?>> applied(String processor) {
        String resource = SEGMENT_RESOURCE.formatted(processor);
        Map<Integer, EventMessage<?>> applied = lastApplied.computeIfAbsent(processor, name -> new ConcurrentHashMap<>());
        return (unitOfWork, chain) -> {
            Object segment = unitOfWork.resources().get(resource);
            if (segment instanceof Integer id && applied.put(id, unitOfWork.getMessage()) == null) {
                processing.eventProcessor(processor, StreamingEventProcessor.class).ifPresent(streaming -> gauges(processor, streaming, id));
            }
            return chain.proceed();
        };
    }

    /** Gauges for the segments a processor holds once the context is up; a segment claimed later gets them on its first event. */
    @EventListener(ContextRefreshedEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().keySet().forEach(segment -> gauges(name, streaming, segment));
            }
        });
    }

    private void gauges(String name, StreamingEventProcessor processor, int segment) {
        if (registered.putIfAbsent(name + "/" + segment, true) != null) {
            return;
        }
        Gauge.builder("engagement.projection.lag.events", () -> eventsBehind(processor, segment))
                .description("events stored after the position of this projection's segment on this node")
                .tags("processor", name, "segment", Integer.toString(segment)).register(registry);
        Gauge.builder("engagement.projection.lag.seconds", () -> secondsBehind(name, processor, segment))
                .description("0 when the segment has handled every event; else the age of the newest event it applied")
                .tags("processor", name, "segment", Integer.toString(segment)).register(registry);
    }

    private double eventsBehind(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null || status.isCaughtUp()) {
            return 0;
        }
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        long position = status.getCurrentPosition().orElse(-1);
        return Math.max(0, headPosition - position);
    }

    private double secondsBehind(String name, StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null || status.isCaughtUp()) {
            return 0;
        }
        EventMessage<?> applied = lastApplied.getOrDefault(name, Map.of()).get(segment);
        return applied == null ? 0 : Math.max(0, Duration.between(applied.getTimestamp(), clock.instant()).toMillis() / 1000.0);
    }
}
