package com.engagementtracker.query.web;

import com.engagementtracker.query.cluster.SegmentBalance;
import com.engagementtracker.query.metrics.ProjectionHealth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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

    private final SegmentPositions positions;
    private final EventStore eventStore;
    private final String node;

    ProjectionAdminController(SegmentPositions positions, EventStore eventStore, @Value("${engagement.node-id:}") String nodeId) {
        this.positions = positions;
        this.eventStore = eventStore;
        this.node = SegmentBalance.nodeId(nodeId);
    }

    /**
     * A projection as the whole cluster sees it, from the token store: each segment with the node that holds
     * it and its position. {@code position} is the lowest segment's, {@code behind} how many events the
     * projection has yet to handle (0 when every segment has seen them all); {@code running} and
     * {@code replaying} are this node's processor, named in {@code node}.
     */
    record ProjectionStatus(String name, String node, boolean running, boolean replaying, boolean caughtUp, Long position,
                            long behind, List<SegmentPositions.SegmentStatus> segments) {
    }

    @GetMapping
    @Operation(summary = "Each projection: running, replaying, caught up, and its position in the event store")
    List<ProjectionStatus> projections() {
        return ProjectionHealth.PROJECTIONS.stream().map(this::status).toList();
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
        return ResponseEntity.accepted().body(ProjectionHealth.PROJECTIONS.stream().map(this::rebuilt).toList());
    }

    private ProjectionStatus rebuilt(String name) {
        StreamingEventProcessor processor = processor(name).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "this node runs no projections "
                    + "(engagement.web-only); rebuild from a node that runs " + name);
            problem.setProperty("code", "PROJECTIONS_RUN_ELSEWHERE");
            return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        });
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    private ProjectionStatus status(String name) {
        Optional<StreamingEventProcessor> processor = processor(name);
        List<SegmentPositions.SegmentStatus> segments = positions.of(name);
        Long position = segments.stream().map(segment -> segment.position() == null ? -1L : segment.position())
                .min(Long::compare).orElse(null);
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1L);
        long behind = Math.max(0, head - (position == null ? -1 : position));
        boolean caughtUp = !segments.isEmpty() && behind == 0 && processor.map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of()).values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(name, node, processor.map(StreamingEventProcessor::isRunning).orElse(false),
                processor.map(StreamingEventProcessor::isReplaying).orElse(false), caughtUp, position, behind, segments);
    }

    /** This node's processor of a projection; none on a web-only node. */
    private Optional<StreamingEventProcessor> processor(String name) {
        if (!ProjectionHealth.PROJECTIONS.contains(name)) {
            throw NotFound.of("projection", name, "; there are " + ProjectionHealth.PROJECTIONS);
        }
        return positions.processor(name);
    }
}
