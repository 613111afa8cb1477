package com.engagementtracker.app.pages;

import com.engagementtracker.query.ProjectionStream;
import com.engagementtracker.query.web.SegmentPositions;
import java.time.Duration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * After a form was accepted, the page it returns to should show what the user just did. The read models
 * follow the event store a moment later, so the redirect waits (briefly, never for ever) until every
 * segment of every projection has handled the events stored so far, on whichever node runs it (a query
 * service, when this node is web-only).
 */
@Component
class ReadYourWrites {

    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final SegmentPositions positions;
    private final EventStore eventStore;

    ReadYourWrites(SegmentPositions positions, EventStore eventStore) {
        this.positions = positions;
        this.eventStore = eventStore;
    }

    void await() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1L);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!caughtUp(target) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long target) {
        // the read models share their processor's positions; a segment in error is not waited for: the page shows what there is
        return positions.of(ProjectionStream.PROJECTIONS.get(0)).stream()
                .allMatch(segment -> segment.position() != null && segment.position() >= target || segment.error());
    }
}
