package com.engagementtracker.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Optimistic concurrency: a command whose metadata names the engagement version its sender saw
 * ({@link #METADATA_KEY}) is handled only if the engagement has not moved on since; Axon then refuses it
 * with a {@code ConflictingAggregateVersionException}. Over HTTP the version comes from {@code If-Match}.
 */
@Component(ExpectedVersion.TARGET_RESOLVER)
public class ExpectedVersion implements CommandTargetResolver {

    public static final String TARGET_RESOLVER = "expectedVersionTargetResolver";
    public static final String METADATA_KEY = "expectedVersion";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        Object expected = command.getMetaData().get(METADATA_KEY);
        return expected instanceof Number version
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), version.longValue()) : target;
    }
}
