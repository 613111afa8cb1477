package com.engagementtracker.query.metrics;

import com.engagementtracker.query.ProjectionStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What each read model handled, in Prometheus: {@code engagement_projection_events_total{processor,outcome}}, with the
 * read model as {@code processor} and outcome {@code success} or {@code failure}, counted around the read model's
 * handlers (the read models share one event processor, whose monitor could not tell them apart). Axon's own monitor is
 * off on that processor: it times every event and looks its meters up by payload type, a third of a rebuild in a
 * profile. Two counters per read model, registered once, and nothing allocated per event.
 */
@Component
class ProjectionCounters implements HandlerEnhancerDefinition {

    private final MeterRegistry registry;

    ProjectionCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Autowired
    void withoutAxonsMonitor(EventProcessingConfigurer configurer) {
        configurer.registerMessageMonitor(ProjectionStream.PROCESSOR, configuration -> NoOpMessageMonitor.instance());
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        String projection = ProjectionStream.readModelOf(original);
        if (projection == null || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        Counter success = counter(projection, "success");
        Counter failure = counter(projection, "failure");
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    Object result = super.handle(message, target);
                    success.increment();
                    return result;
                } catch (Exception | Error e) {
                    failure.increment();
                    throw e;
                }
            }
        };
    }

    private Counter counter(String projection, String outcome) {
        return Counter.builder("engagement.projection.events").description("events a read model handled, by outcome")
                .tag("processor", projection).tag("outcome", outcome).register(registry);
    }
}
