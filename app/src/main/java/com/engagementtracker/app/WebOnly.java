package com.engagementtracker.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * What the app leaves out of its context. Always: the command and query services' own entry points. On a web-only
 * node ({@code engagement.web-only=true}, with Axon Server): the aggregates and command handlers, which the command
 * services run, and the read side but its HTTP controllers, which the query services run. Such a node serves the API
 * and the pages and sends every command and query through Axon Server; it shares the deployment's one database for
 * the person directory, the idempotency keys and (in {@code /api/admin/projections}) the query services' positions.
 */
class WebOnly implements TypeFilter, EnvironmentAware {

    static final String PROPERTY = "engagement.web-only";

    private boolean webOnly;

    @Override
    public void setEnvironment(Environment environment) {
        webOnly = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        String name = reader.getClassMetadata().getClassName();
        if (name.equals("com.engagementtracker.command.CommandService") || name.equals("com.engagementtracker.query.QueryService")) {
            return true;
        }
        if (!webOnly) {
            return false;
        }
        AnnotationMetadata annotations = reader.getAnnotationMetadata();
        return name.startsWith("com.engagementtracker.query.") && !name.startsWith("com.engagementtracker.query.web.")
                || annotations.hasAnnotation(Aggregate.class.getName())
                || annotations.hasAnnotatedMethods(CommandHandler.class.getName());
    }
}
