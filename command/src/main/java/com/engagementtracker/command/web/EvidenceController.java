package com.engagementtracker.command.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.command.RuleViolationException;
import com.engagementtracker.command.evidence.EvidencePack;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence for a statement ({@link EvidencePack}), built from the engagement's events when asked and signed with the
 * supplier's key; and that key's public half, for whoever checks a pack.
 */
@RestController
@Tag(name = "Evidence")
class EvidenceController {

    private final EventStore events;
    private final SupplierKey key;
    private final Clock clock;

    EvidenceController(EventStore events, SupplierKey key, Clock clock) {
        this.events = events;
        this.key = key;
        this.clock = clock;
    }

    @GetMapping(value = "/api/engagements/{id}/statements/{statementId}/evidence", produces = "application/zip")
    @Operation(summary = "The events a statement depends on, the statement and a signed manifest of their hashes, as a zip")
    ResponseEntity<byte[]> evidence(@PathVariable EngagementId id, @PathVariable StatementId statementId) {
        List<? extends DomainEventMessage<?>> history = events.readEvents(id.value(), 0).asStream().toList();
        if (history.isEmpty()) {
            throw new RuleViolationException(Rule.ENGAGEMENT_NOT_FOUND, "no such engagement");
        }
        byte[] pack = EvidencePack.build(history, statementId, clock.instant(), key);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + statementId + ".zip\"")
                .body(pack);
    }

    @GetMapping("/api/evidence/public-key")
    @Operation(summary = "The supplier's Ed25519 public key that signs evidence packs (X.509, Base64) and its SHA-256 fingerprint")
    Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()),
                "fingerprint", EvidencePack.fingerprint(key.publicKey()));
    }
}
