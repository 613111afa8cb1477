package com.engagementtracker.query.web;

import com.engagementtracker.query.billing.BillingProjection;
import com.engagementtracker.query.invoices.InvoiceProjection;
import com.engagementtracker.query.series.MetricSeriesProjection;
import com.engagementtracker.query.summary.EngagementSummaryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * (account team) Throws a read model away and rebuilds it from the event store: the processor stops,
 * its projection's reset handler empties its tables, its token goes back to the start, and it replays
 * while the rest of the product goes on.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration", description = "Operations (ADMIN): read-model rebuilds, dead letters, event store export")
class ProjectionAdminController {

    static final List<String> PROJECTIONS = List.of(EngagementSummaryProjection.PROCESSING_GROUP,
            MetricSeriesProjection.PROCESSING_GROUP, BillingProjection.PROCESSING_GROUP, InvoiceProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** {@code behind}: how many events the projection has yet to handle (0 when it has seen them all). */
    record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp, Long position,
                            long behind) {
    }

    @GetMapping
    @Operation(summary = "Each projection: running, replaying, caught up, and its position in the event store")
    List<ProjectionStatus> projections() {
        return PROJECTIONS.stream().map(this::status).toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild one projection from the event store")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().body(rebuilt(name));
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every projection from the event store")
    ResponseEntity<List<ProjectionStatus>> rebuildAll() {
        return ResponseEntity.accepted().body(PROJECTIONS.stream().map(this::rebuilt).toList());
    }

    private ProjectionStatus rebuilt(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    private ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = segments.values().stream()
                .map(segment -> segment.getCurrentPosition().orElse(0L))
                .min(Long::compare).orElse(null);
        boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1L);
        long behind = Math.max(0, head - (position == null ? -1 : position));
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), caughtUp, position, behind);
    }

    private StreamingEventProcessor processor(String name) {
        if (!PROJECTIONS.contains(name)) {
            throw NotFound.of("projection", name, "; there are " + PROJECTIONS);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> NotFound.of("projection", name, ""));
    }
}
