package com.engagementtracker.command.web;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys are kept in the database (they survive restarts) for {@code engagement.idempotency.retention}
 * (default 24 hours, the longest a client is expected to retry), then purged every
 * {@code engagement.idempotency.purge-every} (default an hour). On several nodes each purges the same rows;
 * the delete is harmless to repeat.
 */
@Component
public class IdempotencyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotentRequests requests;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRetention(IdempotentRequests requests, Clock clock,
                         @Value("${engagement.idempotency.retention:PT24H}") Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("engagement.idempotency.retention must be at least 24 hours, got " + retention);
        }
        this.requests = requests;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${engagement.idempotency.purge-every:PT1H}", initialDelayString = "PT1M")
    public int purge() {
        int purged = requests.deleteCreatedBefore(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.info("purged {} idempotency keys older than {}", purged, retention);
        }
        return purged;
    }
}
