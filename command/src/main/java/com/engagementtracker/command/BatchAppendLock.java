package com.engagementtracker.command;

import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import jakarta.persistence.EntityManager;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Batches of recordings append one at a time, on an event store in the database. Each event gets its global index
 * from a sequence as it is inserted, so the indexes of concurrent batches would interleave over tens of thousands of
 * numbers. Until the last of them commits, every event processor tracks each missing index as a gap, copies that
 * set of gaps into the token of every event it reads, and gives up on gaps more than 10,000 indexes behind. So when a
 * batch is about to append (its decision is made, concurrently with other batches), it takes a lock and holds it
 * until its commit, which keeps its indexes together: a lock of this process, so that its batches wait for each
 * other here (H2 would give up waiting for a row lock after two seconds), then a row lock in the database, for the
 * other nodes on it. Single commands take neither. On Axon Server, which numbers events itself, it is not registered.
 */
final class BatchAppendLock implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EntityManager entityManager;
    private final ReentrantLock inThisProcess = new ReentrantLock(true);

    BatchAppendLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof RecordMetricBatchCommand) {
            // registered before the event bus's own handler, which appends the events, so it runs first
            unitOfWork.onPrepareCommit(appending -> {
                inThisProcess.lock();
                entityManager.createNativeQuery("select id from event_append_lock where id = 1 for update").getSingleResult();
            });
            unitOfWork.onCleanup(done -> {
                if (inThisProcess.isHeldByCurrentThread()) {
                    inThisProcess.unlock();
                }
            });
        }
        return chain.proceed();
    }
}
