package com.engagementtracker.command.web;

import com.engagementtracker.command.ExpectedVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency over HTTP. {@code GET /api/engagements/{id}} answers the engagement's version as
 * its ETag; a command request may send it back in {@code If-Match}, and the version travels with the
 * command as metadata for {@link ExpectedVersion}: a stale one is answered 412. Without {@code If-Match},
 * commands on one engagement are applied one after the other and none is lost.
 */
@Component
class IfMatch {

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    @Autowired
    void carryTheHeaderWithEveryCommand(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            Long expected = expectedVersion();
            return expected == null ? command : command.andMetaData(Map.of(ExpectedVersion.METADATA_KEY, expected));
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
