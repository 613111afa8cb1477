package com.engagementtracker.query.web;

import com.engagementtracker.query.ProjectionStream;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

/**
 * Where each segment of the projections' processor is, across every node that runs it: the segments this node holds
 * as its processor knows them now, the others as their node last stored them in the token store. What the admin
 * report shows, and what a page waits for after a form, on any node (a web-only one included). The read models share
 * the processor and its positions; a segment is {@code replaying} for a read model while it replays events to
 * rebuild that one ({@link ProjectionStream}).
 */
@Component
public class SegmentPositions {

    /**
     * {@code owner}: the node holding the segment now (null when none does); {@code error}: in error on this node;
     * {@code replaying}: replaying events to rebuild the read model asked about.
     */
    public record SegmentStatus(int segment, String owner, Long position, boolean error, boolean replaying) {
    }

    private final EventProcessingConfiguration processing;
    private final EntityManager entityManager;
    private final Serializer serializer;

    SegmentPositions(EventProcessingConfiguration processing, EntityManager entityManager, Serializer serializer) {
        this.processing = processing;
        this.entityManager = entityManager;
        this.serializer = serializer;
    }

    /** Every segment, as the read model {@code projection} sees it, in order; none before the processor first ran anywhere. */
    public List<SegmentStatus> of(String projection) {
        return ofEach().get(projection);
    }

    /**
     * Every segment as each read model sees it, by read model in {@link ProjectionStream#PROJECTIONS}' order: the read
     * models share the processor's segments, read once from the token store.
     */
    public Map<String, List<SegmentStatus>> ofEach() {
        Map<Integer, EventTrackerStatus> here = processor().map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<TokenEntry> entries = entityManager.createQuery("from TokenEntry t where t.processorName = :name order by t.segment",
                TokenEntry.class).setParameter("name", ProjectionStream.PROCESSOR).getResultList();
        List<TrackingToken> tokens = entries.stream().map(entry -> {
            EventTrackerStatus local = here.get(entry.getSegment());
            // the status's own token, not the unwrapped one it reports: a replay's token tells what it rebuilds
            return local instanceof TrackerStatus status ? status.getInternalTrackingToken()
                    : local != null ? local.getTrackingToken() : entry.getToken(serializer);
        }).toList();
        Map<String, List<SegmentStatus>> each = new LinkedHashMap<>();
        for (String projection : ProjectionStream.PROJECTIONS) {
            List<SegmentStatus> segments = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                TokenEntry entry = entries.get(i);
                TrackingToken token = tokens.get(i);
                EventTrackerStatus local = here.get(entry.getSegment());
                Long position = token == null || token.position().isEmpty() ? null : token.position().getAsLong();
                segments.add(new SegmentStatus(entry.getSegment(), entry.getOwner(), position, local != null && local.isErrorState(),
                        ProjectionStream.rebuilding(token).contains(projection)));
            }
            each.put(projection, segments);
        }
        return each;
    }

    /** This node's processor of the read models; none on a web-only node. */
    Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(ProjectionStream.PROCESSOR, StreamingEventProcessor.class);
    }
}
