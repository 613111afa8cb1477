package com.engagementtracker.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The API's {@code Idempotency-Key}: a retried POST with the same key and body gets the first answer and
 * stores nothing new; the same key with another request is refused with 422. The key is claimed before
 * the command runs, so two concurrent tries cannot both go through; a try that failed on the server's
 * side (5xx) releases the key so that it can be retried.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotentRequests requests;
    private final Clock clock;

    IdempotencyFilter(IdempotentRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemAdvice.write(response, 400, "the Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters", null);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);

        Optional<IdempotentRequest> earlier = requests.findById(key);
        if (earlier.isEmpty()) {
            try {
                requests.saveAndFlush(new IdempotentRequest(key, hash, clock.instant()));
            } catch (DataIntegrityViolationException concurrentClaim) {
                earlier = requests.findById(key);
            }
        }
        if (earlier.isPresent()) {
            answerFrom(earlier.get(), hash, response);
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            answered = captured.getStatus() < 500;
        } finally {
            if (answered) {
                IdempotentRequest claimed = requests.findById(key).orElseThrow();
                claimed.answered(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
                requests.save(claimed);
            } else {
                requests.deleteById(key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void answerFrom(IdempotentRequest earlier, String hash, HttpServletResponse response)
            throws IOException {
        if (!earlier.requestHash().equals(hash)) {
            ProblemAdvice.write(response, 422, "this Idempotency-Key was used for a different request", "IDEMPOTENCY_KEY_REUSED");
        } else if (earlier.status() == null) {
            ProblemAdvice.write(response, 409, "a request with this Idempotency-Key is still being handled; retry shortly",
                    "REQUEST_IN_PROGRESS");
        } else {
            response.setStatus(earlier.status());
            if (earlier.contentType() != null) {
                response.setContentType(earlier.contentType());
            }
            if (earlier.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, earlier.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (earlier.body() != null) {
                response.getOutputStream().write(earlier.body());
            }
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
