package com.engagementtracker.query.web;

import com.engagementtracker.query.ProjectionStream;
import com.engagementtracker.query.cluster.SegmentBalance;
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
 * (admin) Throws a read model away and rebuilds it from the event store: the projections' processor stops, the
 * read model's reset handler empties its tables, the processor's position goes back to the start, and it replays
 * that read model's events while the rest of the product goes on ({@link ProjectionStream}).
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
     * projection has yet to handle (0 when every segment has seen them all); {@code running} is this node's
     * processor, named in {@code node}; {@code replaying}: some segment replays events to rebuild this read model.
     */
    record ProjectionStatus(String name, String node, boolean running, boolean replaying, boolean caughtUp, Long position,
                            long behind, List<SegmentPositions.SegmentStatus> segments) {
    }

    @GetMapping
    @Operation(summary = "Each projection: running, replaying, caught up, and its position in the event store")
    List<ProjectionStatus> projections() {
        Map<String, List<SegmentPositions.SegmentStatus>> segments = positions.ofEach();
        long head = head();
        Optional<StreamingEventProcessor> processor = positions.processor();
        return ProjectionStream.PROJECTIONS.stream().map(name -> status(name, segments.get(name), head, processor)).toList();
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
        rebuild(ProjectionStream.PROJECTIONS);
        return ResponseEntity.accepted().body(projections());
    }

    private ProjectionStatus rebuilt(String name) {
        NotFound.unlessProjection(name);
        rebuild(List.of(name));
        return status(name, positions.of(name), head(), positions.processor());
    }

    private void rebuild(List<String> projections) {
        StreamingEventProcessor processor = positions.processor().orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "this node runs no projections "
                    + "(engagement.web-only); rebuild from a node that runs them");
            problem.setProperty("code", "PROJECTIONS_RUN_ELSEWHERE");
            return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        });
        List<String> underWay = positions.ofEach().entrySet().stream()
                .filter(each -> each.getValue().stream().anyMatch(SegmentPositions.SegmentStatus::replaying))
                .map(Map.Entry::getKey).toList();
        ProjectionStream.rebuild(processor, projections, underWay);
    }

    /** {@code processor}: this node's processor of the read models; none on a web-only node. */
    private ProjectionStatus status(String name, List<SegmentPositions.SegmentStatus> segments, long head,
                                    Optional<StreamingEventProcessor> processor) {
        Long position = segments.stream().map(segment -> segment.position() == null ? -1L : segment.position())
                .min(Long::compare).orElse(null);
        long behind = Math.max(0, head - (position == null ? -1 : position));
        boolean caughtUp = !segments.isEmpty() && behind == 0 && processor.map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of()).values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(name, node, processor.map(StreamingEventProcessor::isRunning).orElse(false),
                segments.stream().anyMatch(SegmentPositions.SegmentStatus::replaying), caughtUp, position, behind, segments);
    }

    /** The event store's newest position, -1 when it is empty. */
    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }
}
