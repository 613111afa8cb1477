package com.engagementtracker.app.access;

import com.engagementtracker.api.AuditMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every event records who caused it: each command is stamped with the signed-in principal, their role and
 * the request's correlation id ({@code X-Correlation-Id}, or a new one, answered in the same header), and
 * Axon copies them to the events the command causes ({@code CommandCorrelation}). {@code GET /api/engagements/{id}/history} reads them.
 */
@Configuration
public class AuditTrail {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Gives every request a correlation id, its caller's or a new one, and answers it. */
    @Bean
    OncePerRequestFilter correlationIds() {
        return new CorrelationIds();
    }

    /** Stamps each command, in the thread of the request that sends it (a component of its own: the bus needs the correlation providers). */
    @Component
    static class CommandStamp {

        @Autowired
        void stampEveryCommand(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(messages -> (index, command) -> command.andMetaData(stamp()));
        }
    }

    private static Map<String, Object> stamp() {
        Map<String, Object> stamp = new HashMap<>();
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (principal != null && principal.isAuthenticated() && !(principal instanceof AnonymousAuthenticationToken)) {
            stamp.put(AuditMetadata.ACTOR, principal.getName());
            Access.roleOf(principal).ifPresent(role -> stamp.put(AuditMetadata.ROLE, role));
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getAttribute(HEADER) instanceof String id) {
            stamp.put(AuditMetadata.CORRELATION_ID, id);
        }
        return stamp;
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    private static final class CorrelationIds extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(HEADER);
            String id = given != null && CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(HEADER, id);
            response.setHeader(HEADER, id);
            chain.doFilter(request, response);
        }
    }
}
