package com.engagementtracker.query;

import com.engagementtracker.query.metrics.ProjectionHealth;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
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
 */
@Component
public class PoisonGuard implements HandlerEnhancerDefinition {

    private final ObjectProvider<EntityManager> entityManager;
    private final Map<String, Processor> processors = new ConcurrentHashMap<>();

    /** What one processor has learned from its failed batches. Each processor runs on one thread. */
    private static final class Processor {
        /** flush after every event, to find the one the database refuses */
        volatile boolean careful;
        /** the database refused a statement in this attempt: the transaction is lost, nothing more to learn */
        volatile boolean doomed;
        /** "read model/event id" of the events that failed in a rolled-back attempt, with why; they go straight to the dead letters next time */
        final Map<String, String> failedBefore = new ConcurrentHashMap<>();
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
        // the read models share one processor, and so its batches; an event failed in one of them, not in all
        String projection = group.value();
        Processor processor = processors.computeIfAbsent(
                ProjectionHealth.PROJECTIONS.contains(projection) ? ProjectionStream.PROCESSOR : projection, name -> new Processor());
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (processor.doomed) {
                    // this attempt rolls back (watchBatches): on the session the database refused, the other read
                    // models' writes would fail too, and their events would be set aside for nothing
                    return null;
                }
                // kept until a batch commits: in one processor, several read models may refuse the same event, one per attempt
                String refused = processor.failedBefore.get(projection + "/" + message.getIdentifier());
                if (refused != null) {
                    throw new RefusedBefore(refused);
                }
                try {
                    Object result = super.handle(message, target);
                    if (processor.careful) {
                        entityManager.getObject().flush();
                    }
                    return result;
                } catch (Exception e) {
                    if (!processor.doomed) {
                        processor.failedBefore.put(projection + "/" + message.getIdentifier(),
                                e.getClass().getSimpleName() + ": " + e.getMessage());
                        processor.doomed = refusedByTheDatabase(e);
                    }
                    throw e;
                }
            }
        };
    }

    @Autowired
    void watchBatches(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> (unitOfWork, chain) -> {
            Processor processor = processors.get(name);
            if (processor != null) {
                unitOfWork.onPrepareCommit(batch -> {
                    if (processor.doomed) {
                        throw new IllegalStateException("the database refused a statement in this batch; it is tried again");
                    }
                });
                unitOfWork.onRollback(batch -> {
                    processor.careful = true;
                    processor.doomed = false;
                });
                unitOfWork.afterCommit(batch -> {
                    processor.careful = false;
                    processor.doomed = false;
                    processor.failedBefore.clear();
                });
            }
            return chain.proceed();
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
