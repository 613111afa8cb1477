package com.engagementtracker.query.web;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

/**
 * Where each segment of a projection is, across every node that runs it: the segments this node holds as its
 * processor knows them now, the others as their node last stored them in the token store. What the admin report
 * shows, and what a page waits for after a form, on any node (a web-only one included).
 */
@Component
public class SegmentPositions {

    /** {@code owner}: the node holding the segment now (null when none does); {@code error}: in error on this node. */
    public record SegmentStatus(int segment, String owner, Long position, boolean error) {
    }

    private final EventProcessingConfiguration processing;
    private final EntityManager entityManager;
    private final Serializer serializer;

    SegmentPositions(EventProcessingConfiguration processing, EntityManager entityManager, Serializer serializer) {
        this.processing = processing;
        this.entityManager = entityManager;
        this.serializer = serializer;
    }

    /** Every segment of the projection, in order; none before its processor first ran anywhere. */
    public List<SegmentStatus> of(String projection) {
        Map<Integer, EventTrackerStatus> here = processor(projection).map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        return entityManager.createQuery("from TokenEntry t where t.processorName = :name order by t.segment", TokenEntry.class)
                .setParameter("name", projection).getResultList().stream()
                .map(entry -> {
                    EventTrackerStatus local = here.get(entry.getSegment());
                    TrackingToken token = local != null ? local.getTrackingToken() : entry.getToken(serializer);
                    Long position = token == null || token.position().isEmpty() ? null : token.position().getAsLong();
                    return new SegmentStatus(entry.getSegment(), entry.getOwner(), position, local != null && local.isErrorState());
                })
                .toList();
    }

    /** This node's processor of the projection; none on a web-only node. */
    Optional<StreamingEventProcessor> processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class);
    }
}
