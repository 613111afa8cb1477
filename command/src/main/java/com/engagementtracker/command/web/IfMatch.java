package com.engagementtracker.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency over HTTP. {@code GET /api/engagements/{id}} answers the engagement's version as
 * its ETag; a command request may send it back in {@code If-Match}. The version travels with the command
 * as metadata, and the engagement is loaded only if it has not moved on since, otherwise the answer is
 * 412. Without {@code If-Match}, commands on one engagement are applied one after the other and none is lost.
 */
@Component(IfMatch.TARGET_RESOLVER)
public class IfMatch implements CommandTargetResolver {

    public static final String TARGET_RESOLVER = "ifMatchTargetResolver";
    static final String EXPECTED_VERSION = "expectedVersion";
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return expected instanceof Number version
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), version.longValue()) : target;
    }

    @Autowired
    void carryTheHeaderWithEveryCommand(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            Long expected = expectedVersion();
            return expected == null ? command : command.andMetaData(Map.of(EXPECTED_VERSION, expected));
        });
    }

    /** The version the current HTTP request's {@code If-Match} names; null without one (or with {@code *}). */
    private static Long expectedVersion() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher tag = ENTITY_TAG.matcher(header.trim());
        if (!tag.matches()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                    "If-Match must be one ETag from GET /api/engagements/{id}, such as \"12\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
