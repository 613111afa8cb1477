package com.engagementtracker.command;

import jakarta.persistence.EntityManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class CommandConfiguration {

    @Autowired
    void registerInterceptors(CommandBus commandBus, ObjectProvider<EventStorageEngine> storedInDatabase,
                              EntityManager entityManager) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
        if (storedInDatabase.getIfAvailable() != null) {
            commandBus.registerHandlerInterceptor(new BatchAppendLock(entityManager));
        }
    }

    /**
     * The event store in the database, when there is no Axon Server: Axon's JDBC storage engine on the tables of its
     * JPA engine (V1), which stored the events until it showed in the profiles. The JPA engine asked the database for
     * each event's global index before inserting it, one round trip per event (a third of a batch's time), and built
     * a Hibernate entity for every event it read. This one inserts a batch's events in one JDBC batch and lets the
     * database number them from the same sequence (V17), and reads events with plain JDBC. Reads fetch 500 events at
     * a time, a projection's batch. Static: the command bus this class's interceptors need is built from it.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "axon.axonserver.enabled", havingValue = false)
    static EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connections, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(EventTables.SCHEMA)
                .batchSize(500)
                .build();
    }

    /**
     * A snapshot once loading an engagement reads this many events, so that a long engagement loads in
     * about the time of a short one.
     */
    @Bean
    SnapshotTriggerDefinition engagementSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${engagement.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The engagements in use stay in memory between commands, up to this many. 0 keeps none: for several
     * nodes on one event store, where a node's copy would go stale when another node appends.
     */
    @Bean
    Cache engagementCache(@Value("${engagement.cache-size:1000}") int capacity) {
        return capacity == 0 ? NoCache.INSTANCE : new RecentEngagements(capacity);
    }

    /**
     * Commands are sent through a gateway that retries a command whose engagement was changed at the same
     * time by another node (the append collides on the event's sequence number): a few times, quickly,
     * since the next attempt loads the engagement as it now is. Nothing else is retried: a refusal stays
     * a refusal.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder().retryExecutor(retries).retryInterval(20).maxRetryCount(30)
                        .nonTransientFailurePredicate(failure -> !isCollision(failure)).build())
                .build();
    }

    private static boolean isCollision(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException && !(cause instanceof ConflictingAggregateVersionException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Snapshots are taken on a thread of their own after the command that triggered them committed, so
     * that no client waits for one.
     */
    @Bean
    SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "engagement-snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }
}
