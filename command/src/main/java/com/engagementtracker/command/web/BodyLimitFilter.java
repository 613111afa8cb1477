package com.engagementtracker.command.web;

import com.engagementtracker.api.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@link Limits#BODY_BYTES} ({@link Limits#BATCH_BODY_BYTES} for a batch of
 * recordings) with 413 before anything reads it: by its declared length, or, for a body sent in chunks, by reading
 * at most one byte more than the limit. A CSV import may be far larger ({@link Limits#IMPORT_BYTES}) and is streamed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/api/imports/")) {
            // an import is spooled to a file by its controller, which counts what it reads against Limits.IMPORT_BYTES
            if (request.getContentLengthLong() > Limits.IMPORT_BYTES) {
                ProblemAdvice.write(response, 413, "the import is larger than " + Limits.IMPORT_BYTES + " bytes", "BODY_TOO_LARGE");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        int limit = request.getRequestURI().endsWith("/recordings/batch") ? Limits.BATCH_BODY_BYTES : Limits.BODY_BYTES;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        ProblemAdvice.write(response, 413, "the request body is larger than " + limit + " bytes",
                "BODY_TOO_LARGE");
    }
}
