package com.engagementtracker.app.pages;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * After a form was accepted, the page it returns to should show what the user just did. The read models
 * follow the event store a moment later, so the redirect waits (briefly, never for ever) until every
 * projection has handled the events stored so far.
 */
@Component
class ReadYourWrites {

    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ReadYourWrites(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    void await() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1L);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!caughtUp(target) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long target) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        // a segment in error is not waited for: the page shows what there is
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1L) >= target || segment.isErrorState()));
    }
}
