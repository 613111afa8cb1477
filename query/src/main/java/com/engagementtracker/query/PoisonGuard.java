package com.engagementtracker.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Lets the dead-letter queue catch what the database refuses, not only what a handler throws. Axon sets
 * aside an event whose handler throws; but a projection's writes reach the database when the whole batch
 * commits, and a refusal there (a value a column cannot hold, a broken constraint) rolls the batch back,
 * and the processor would retry it for ever. So after a rolled-back batch the next attempt flushes after
 * every event: the failing one then throws inside its own handler and is remembered. That attempt rolls
 * back as well (its transaction saw a refused statement); the one after it hands the remembered event to
 * the dead-letter queue without running it, and everything else commits. Then batches go back to one
 * flush at commit. A handler that throws by itself costs no retry at all. The read models share one processor
 * ({@link ProjectionStream}): when several refuse the same event, each costs one more attempt, and what each
 * refused is remembered until a batch commits. Once the database has refused a statement, the rest of the attempt
 * runs no handler and the batch does not commit, whatever the database would allow: the read models share a session.
 * All of this is learned per segment, since each segment's batches are its own.
 */
@Component
public class PoisonGuard implements HandlerEnhancerDefinition {

    /** the batch's unit of work carries its segment's state to the handlers */
    private static final String RESOURCE = PoisonGuard.class.getName();

    private final ObjectProvider<EntityManager> entityManager;
    /** per processor and segment: a segment's batches run on one thread at a time, one after the other */
    private final Map<String, Segment> segments = new ConcurrentHashMap<>();

    /** What one segment of a processor has learned from its failed batches. */
    private static final class Segment {
        /** flush after every event, to find the one the database refuses */
        boolean careful;
        /** the database refused a statement in this attempt: the transaction is lost, nothing more to learn */
        boolean doomed;
        /** "read model/event id" of the events that failed in a rolled-back attempt, with why; they go straight to the dead letters next time */
        final Map<String, String> failedBefore = new HashMap<>();
    }

    /** Thrown instead of handling an event again whose writes the database refused in an earlier attempt. */
    static final class RefusedBefore extends RuntimeException {
        RefusedBefore(String cause) {
            super("the database refused this event's changes: " + cause);
        }
    }

    public PoisonGuard(ObjectProvider<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        // the read models share one processor, and so its batches: an event failed in one of them, not in all
        String projection = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Segment segment = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(RESOURCE) : null;
                if (segment == null) {
                    return super.handle(message, target);
                }
                if (segment.doomed) {
                    // this attempt rolls back (watchBatches): on the session the database refused, the other read
                    // models' writes would fail too, and their events would be set aside for nothing
                    return null;
                }
                // kept until a batch commits: several read models may refuse the same event, one per attempt
                String key = projection + "/" + message.getIdentifier();
                String refused = segment.failedBefore.get(key);
                if (refused != null) {
                    throw new RefusedBefore(refused);
                }
                try {
                    Object result = super.handle(message, target);
                    if (segment.careful) {
                        entityManager.getObject().flush();
                    }
                    return result;
                } catch (Exception e) {
                    if (!segment.doomed) {
                        segment.failedBefore.put(key, e.getClass().getSimpleName() + ": " + e.getMessage());
                        segment.doomed = refusedByTheDatabase(e);
                    }
                    throw e;
                }
            }
        };
    }

    @Autowired
    void watchBatches(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> {
            String segmentResource = "Processor[" + name + "]/SegmentId";
            return (unitOfWork, chain) -> {
                if (!unitOfWork.resources().containsKey(RESOURCE)) {
                    Segment segment = segments.computeIfAbsent(name + "/" + unitOfWork.resources().get(segmentResource),
                            key -> new Segment());
                    unitOfWork.resources().put(RESOURCE, segment);
                    unitOfWork.onPrepareCommit(batch -> {
                        if (segment.doomed) {
                            throw new IllegalStateException("the database refused a statement in this batch; it is tried again");
                        }
                    });
                    unitOfWork.onRollback(batch -> {
                        segment.careful = true;
                        segment.doomed = false;
                    });
                    unitOfWork.afterCommit(batch -> {
                        segment.careful = false;
                        segment.doomed = false;
                        segment.failedBefore.clear();
                    });
                }
                return chain.proceed();
            };
        });
    }

    private static boolean refusedByTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof DataAccessException
                    || cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }
}
