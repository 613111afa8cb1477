package com.engagementtracker.command;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class CommandConfiguration {

    @Autowired
    void registerInterceptors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
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

    /** The engagements in use stay in memory between commands, up to this many. */
    @Bean
    Cache engagementCache(@Value("${engagement.cache-size:1000}") int capacity) {
        return new RecentEngagements(capacity);
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
