package com.engagementtracker.command.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.command.TermsSimulation;
import com.engagementtracker.command.web.EngagementRequests.Simulate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settles an engagement's recorded history again under other gain-share terms ({@link TermsSimulation}). It reads the
 * engagement's events from the first one (not from its snapshot: settled recordings are in the events only) and stores
 * nothing.
 */
@RestController
@RequestMapping("/api/engagements")
@Tag(name = "Engagement commands")
class SimulationController {

    private final EventStore events;
    private final Clock clock;

    SimulationController(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/{id}/simulations")
    @Operation(summary = "Simulate other gain-share terms on the recorded history (the settled periods, or the periods named); stores nothing")
    TermsSimulation.Result simulate(@PathVariable EngagementId id, @Valid @RequestBody Simulate body) {
        List<Object> history = events.readEvents(id.value(), 0).asStream().map(Message::getPayload).map(Object.class::cast).toList();
        return TermsSimulation.simulate(history, body.gainShare().toValue(), body.periodsToValue(), LocalDate.now(clock));
    }
}
