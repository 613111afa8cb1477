package com.engagementtracker.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
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

    /** Engagements in use stay in memory between commands; the garbage collector decides for how long. */
    @Bean
    Cache engagementCache() {
        return new WeakReferenceCache();
    }
}
