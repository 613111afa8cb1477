package com.engagementtracker.query.web;

import com.engagementtracker.query.ProjectionStream;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * (admin) The events each projection could not handle. Each engagement with a dead letter is one entry:
 * its first failed event, why it failed, and how many of its later events wait behind it. Once the cause
 * is fixed, a retry hands them to the projection again in order; an eviction drops them for good.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration", description = "Operations (ADMIN): read-model rebuilds, dead letters, event store export")
class DeadLetterAdminController {

    private final EventProcessingConfiguration processing;

    DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** {@code letters}: the failed event and the later events of the same engagement waiting behind it. */
    record DeadLetterView(String processor, String engagementId, String eventType, String eventId, String error,
                          Instant firstFailure, Instant lastTouched, long letters) {
    }

    record Retried(String processor, boolean handled, long remaining) {
    }

    @GetMapping
    @Operation(summary = "Every engagement whose events a projection set aside, with the first failure")
    List<DeadLetterView> deadLetters() {
        List<DeadLetterView> views = new ArrayList<>();
        for (String processor : ProjectionStream.PROJECTIONS) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> here = processing.deadLetterQueue(processor);
            if (here.isEmpty()) {
                continue; // a web-only node runs no projections, and keeps no dead letters
            }
            SequencedDeadLetterQueue<EventMessage<?>> queue = here.get();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                DeadLetter<? extends EventMessage<?>> first = sequence.iterator().next();
                String engagementId = engagementOf(first);
                views.add(new DeadLetterView(processor, engagementId, first.message().getPayloadType().getSimpleName(),
                        first.message().getIdentifier(),
                        first.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        first.enqueuedAt(), first.lastTouched(), queue.sequenceSize(engagementId)));
            }
        }
        return views;
    }

    @PostMapping("/{processor}/{engagementId}/retry")
    @Operation(summary = "Hand one engagement's dead letters to the projection again, in order")
    Retried retry(@PathVariable String processor, @PathVariable String engagementId) {
        boolean handled = deadLetterProcessor(processor).process(letter -> engagementId.equals(engagementOf(letter)));
        return new Retried(processor, handled, queue(processor).sequenceSize(engagementId));
    }

    @PostMapping("/{processor}/retry")
    @Operation(summary = "Hand every dead letter of a projection to it again")
    Retried retryAll(@PathVariable String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> deadLetters = deadLetterProcessor(processor);
        boolean handled = true;
        for (long sequences = queue.amountOfSequences(); sequences > 0 && handled; sequences--) {
            handled = deadLetters.process(anything -> true);
        }
        return new Retried(processor, handled, queue.size());
    }

    @DeleteMapping("/{processor}/{engagementId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Drop one engagement's dead letters for good; its read model stays without them")
    ResponseEntity<Void> evict(@PathVariable String processor, @PathVariable String engagementId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        if (!queue.contains(engagementId)) {
            throw NotFound.of("dead letter", "of engagement " + engagementId, " in " + processor);
        }
        queue.deadLetterSequence(engagementId).forEach(queue::evict);
        return ResponseEntity.noContent().build();
    }

    private static String engagementOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        NotFound.unlessProjection(processor);
        return processing.deadLetterQueue(processor)
                .orElseThrow(() -> NotFound.of("dead-letter queue", processor, ""));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor(String processor) {
        NotFound.unlessProjection(processor);
        return processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> NotFound.of("dead-letter queue", processor, ""));
    }
}
