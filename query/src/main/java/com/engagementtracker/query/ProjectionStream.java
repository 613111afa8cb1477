package com.engagementtracker.query;

import com.engagementtracker.query.billing.BillingProjection;
import com.engagementtracker.query.invoices.InvoiceProjection;
import com.engagementtracker.query.series.MetricSeriesProjection;
import com.engagementtracker.query.summary.EngagementSummaryProjection;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The read models follow the event store in one event processor, {@value #PROCESSOR}: each event is read, upcast and
 * deserialized once for all of them instead of once for each, and a batch commits once. Each read model is still a
 * processing group of its own, with its own dead-letter queue, counters and health.
 * <p>
 * A read model can still be rebuilt alone ({@link #rebuild}). The processor goes back to the first event with the
 * names of the read models to rebuild as the reset's context, which Axon keeps in the replay's token, so a restart
 * resumes the same rebuild. Only their reset handlers empty their tables, and only they are handed the replayed
 * events: for the others, the events before the reset's position have no handler (no dead-letter check either).
 * The price: until the replay has passed that position, the other read models see no new event either; they wait
 * for a replay that reads the events they skip without handling them.
 */
@Component
public class ProjectionStream implements HandlerEnhancerDefinition {

    /** The one event processor of the read models (its position is the {@code token_entry} of this name). */
    public static final String PROCESSOR = "projections";

    /** The read models: each is a processing group of this name, with its own dead letters, counters and health. */
    public static final List<String> PROJECTIONS = List.of(EngagementSummaryProjection.PROCESSING_GROUP,
            MetricSeriesProjection.PROCESSING_GROUP, BillingProjection.PROCESSING_GROUP, InvoiceProjection.PROCESSING_GROUP);

    private static final Set<String> ALL = Set.copyOf(PROJECTIONS);
    /** the read models each reset's context names (see {@link #rebuilt}) */
    private static final Map<String, Set<String>> CONTEXTS = new ConcurrentHashMap<>();

    @Autowired
    void assign(EventProcessingConfigurer processing) {
        PROJECTIONS.forEach(projection -> processing.assignProcessingGroup(projection, PROCESSOR));
    }

    /** The read model a handler belongs to, by its class's processing group; null for any other handler. */
    public static String readModelOf(MessageHandlingMember<?> handler) {
        ProcessingGroup group = handler.declaringClass().getAnnotation(ProcessingGroup.class);
        return group != null && PROJECTIONS.contains(group.value()) ? group.value() : null;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        String projection = readModelOf(original);
        if (projection == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public boolean canHandle(Message<?> message) {
                // the payload's type first: of a read model's handlers, only one takes an event of a given type
                return super.canHandle(message) && concerns(message, projection);
            }
        };
    }

    /** Whether a reset, or a replayed event, is meant for this read model; any other message is. */
    static boolean concerns(Message<?> message, String projection) {
        if (message instanceof ResetContext<?> reset) {
            return rebuilt(reset.getPayload()).contains(projection);
        }
        if (message instanceof TrackedEventMessage<?> event) {
            // the replay's last event sits at the reset's position: asked by the event, the token still names its read models
            return WrappedToken.unwrap(event.trackingToken(), ReplayToken.class).filter(ReplayToken::isReplay)
                    .map(replay -> rebuilt(replay.context()).contains(projection)).orElse(true);
        }
        return true;
    }

    /**
     * The read models a replay still under way at this token rebuilds: none once it has reached the position of its
     * reset (Axon keeps the replay's token until the next event after it), or when the token is no replay's.
     */
    public static Set<String> rebuilding(TrackingToken token) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .filter(replay -> replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset()))
                .map(replay -> rebuilt(replay.context())).orElse(Set.of());
    }

    /**
     * A reset's context names the read models it rebuilds, comma-separated; one without (Axon's own) rebuilds them all.
     * Asked for every replayed event and read model: the answers are kept, one per context (at most one per subset of
     * the read models).
     */
    private static Set<String> rebuilt(Object context) {
        return context == null ? ALL : CONTEXTS.computeIfAbsent(context.toString(), names -> Set.of(names.split(",")));
    }


    /**
     * Rebuilds these read models from the first event. {@code underWay}: those a replay still running rebuilds, which
     * are rebuilt again with them, since the replay starts over.
     */
    public static void rebuild(StreamingEventProcessor processor, Collection<String> projections, Collection<String> underWay) {
        Set<String> names = new LinkedHashSet<>(PROJECTIONS);
        names.removeIf(name -> !projections.contains(name) && !underWay.contains(name));
        processor.shutDown();
        processor.resetTokens(String.join(",", names));
        processor.start();
    }
}
