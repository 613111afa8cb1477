package com.engagementtracker.command.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.commands.AdjustBaselineCommand;
import com.engagementtracker.api.commands.AgreeTermsCommand;
import com.engagementtracker.api.commands.AssignPersonCommand;
import com.engagementtracker.api.commands.CancelEngagementCommand;
import com.engagementtracker.api.commands.ChangePlanCommand;
import com.engagementtracker.api.commands.CaptureBaselineCommand;
import com.engagementtracker.api.commands.ChangeSubscriptionFeeCommand;
import com.engagementtracker.api.commands.CompleteEngagementCommand;
import com.engagementtracker.api.commands.ConfirmGainShareCommand;
import com.engagementtracker.api.commands.CorrectMetricCommand;
import com.engagementtracker.api.commands.DisputeGainShareCommand;
import com.engagementtracker.api.commands.OpenEngagementCommand;
import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import com.engagementtracker.api.commands.RecordMetricCommand;
import com.engagementtracker.api.commands.RecordPaymentCommand;
import com.engagementtracker.api.commands.ReleasePersonCommand;
import com.engagementtracker.api.commands.ResolveGainShareCommand;
import com.engagementtracker.api.commands.SettleGainShareCommand;
import com.engagementtracker.api.commands.StartEngagementCommand;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.command.people.PersonDirectory;
import com.engagementtracker.command.web.EngagementRequests.AdjustBaseline;
import com.engagementtracker.command.web.EngagementRequests.AgreeTerms;
import com.engagementtracker.command.web.EngagementRequests.AssignPerson;
import com.engagementtracker.command.web.EngagementRequests.Cancel;
import com.engagementtracker.command.web.EngagementRequests.CaptureBaseline;
import com.engagementtracker.command.web.EngagementRequests.ChangeFee;
import com.engagementtracker.command.web.EngagementRequests.ChangePlan;
import com.engagementtracker.command.web.EngagementRequests.Complete;
import com.engagementtracker.command.web.EngagementRequests.CorrectMetric;
import com.engagementtracker.command.web.EngagementRequests.Dispute;
import com.engagementtracker.command.web.EngagementRequests.OnDate;
import com.engagementtracker.command.web.EngagementRequests.OpenEngagement;
import com.engagementtracker.command.web.EngagementRequests.RecordBatch;
import com.engagementtracker.command.web.EngagementRequests.RecordMetric;
import com.engagementtracker.command.web.EngagementRequests.RecordPayment;
import com.engagementtracker.command.web.EngagementRequests.Resolve;
import com.engagementtracker.command.web.EngagementRequests.Settle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns each command request of the API (docs/api.md) into a command and waits for the aggregate's answer. Errors are
 * mapped once, in {@link ProblemAdvice}; repeated POSTs are answered by {@link IdempotencyFilter}.
 */
@RestController
@RequestMapping("/api/engagements")
@Tag(name = "Engagement commands", description = "What the account team, finance and the customer do to an engagement")
class EngagementCommandController {

    private final CommandGateway commands;
    private final PersonDirectory directory;

    EngagementCommandController(CommandGateway commands, PersonDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    record Created(String id) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an engagement")
    ResponseEntity<Created> open(@Valid @RequestBody OpenEngagement body) {
        EngagementId id = new EngagementId(UUID.randomUUID().toString());
        commands.sendAndWait(new OpenEngagementCommand(id, body.customerId(), body.customerName(), body.title(),
                body.customerJob().toValue(), body.plannedStart(), body.plannedEnd(), body.currency(), person(body.owner())));
        return created("/api/engagements/" + id, id);
    }

    @PutMapping("/{id}/terms")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Agree the payment terms (before the work starts)")
    ResponseEntity<Void> agreeTerms(@PathVariable EngagementId id, @Valid @RequestBody AgreeTerms body) {
        return accepted(new AgreeTermsCommand(id, body.model(),
                body.subscription() == null ? null : body.subscription().toValue(),
                body.gainShare() == null ? null : body.gainShare().toValue(), body.paymentTermsDays()));
    }

    @PutMapping("/{id}/plan")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move the planned dates, with a reason (the start only before the work starts)")
    ResponseEntity<Void> changePlan(@PathVariable EngagementId id, @Valid @RequestBody ChangePlan body) {
        return accepted(new ChangePlanCommand(id, body.plannedStart(), body.plannedEnd(), body.reason()));
    }

    @PostMapping("/{id}/baseline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Capture the baseline: the metrics and their as-is values")
    ResponseEntity<Void> captureBaseline(@PathVariable EngagementId id, @Valid @RequestBody CaptureBaseline body) {
        return accepted(new CaptureBaselineCommand(id, IntStream.range(0, body.metrics().size())
                .mapToObj(i -> body.metrics().get(i).toValue("metrics[" + i + "]")).toList()));
    }

    @PostMapping("/{id}/baseline/adjustments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Adjust one metric's baseline value, with a reason (until the first settlement)")
    ResponseEntity<Void> adjustBaseline(@PathVariable EngagementId id, @Valid @RequestBody AdjustBaseline body) {
        return accepted(new AdjustBaselineCommand(id, new MetricId(body.metricId()), body.baselineValue(), body.reason()));
    }

    @PostMapping("/{id}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign a person to the engagement")
    ResponseEntity<Created> assign(@PathVariable EngagementId id, @Valid @RequestBody AssignPerson body) {
        PersonId personId = new PersonId(body.personId());
        commands.sendAndWait(new AssignPersonCommand(id, personId, body.organisationKind(),
                body.organisationName(), body.role(), body.allocationPercent(), body.from(), body.to(), body.dayRate()));
        // after the engagement accepted the assignment: a refused request leaves the directory as it was
        directory.introduce(personId, body.displayName());
        return created("/api/people/" + body.personId() + "/allocations", body.personId());
    }

    @PostMapping("/{id}/assignments/{personId}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Release a person from the engagement")
    ResponseEntity<Void> release(@PathVariable EngagementId id, @PathVariable PersonId personId,
                                 @Valid @RequestBody OnDate body) {
        return accepted(new ReleasePersonCommand(id, personId, body.on()));
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Start the work (needs terms and baseline)")
    ResponseEntity<Void> start(@PathVariable EngagementId id, @Valid @RequestBody OnDate body) {
        return accepted(new StartEngagementCommand(id, body.on()));
    }

    @PostMapping("/{id}/metrics/{metricId}/recordings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a metric value for a date")
    ResponseEntity<Created> record(@PathVariable EngagementId id,
                                   @PathVariable MetricId metricId,
                                   @Valid @RequestBody RecordMetric body) {
        RecordingId recordingId = new RecordingId(UUID.randomUUID().toString());
        commands.sendAndWait(new RecordMetricCommand(id, recordingId, metricId, body.value(), body.unit(), body.date(),
                body.source(), person(body.recordedBy())));
        return created("/api/engagements/" + id + "/metrics/" + metricId + "/series", recordingId);
    }

    @PostMapping("/{id}/recordings/batch")
    @Operation(summary = "Record up to 10,000 metric values at once, all or nothing; rows sent before (same externalId) are skipped",
            description = "200 with `stored` and `duplicates`; 409 `RECORDINGS_REFUSED` with `rows: [{index, field, code, "
                    + "message}]` naming every refused row, and nothing stored")
    RecordMetricBatchCommand.Result recordBatch(@PathVariable EngagementId id, @Valid @RequestBody RecordBatch body) {
        List<RecordMetricBatchCommand.Row> rows = body.recordings().stream()
                .map(row -> new RecordMetricBatchCommand.Row(new RecordingId(UUID.randomUUID().toString()), row.metricId(),
                        row.value(), row.unit(), row.date(), row.source(), row.externalId()))
                .toList();
        return commands.sendAndWait(new RecordMetricBatchCommand(id, rows, person(body.recordedBy())));
    }

    @PostMapping("/{id}/metrics/{metricId}/recordings/{recordingId}/corrections")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Correct a recorded value; the original stays in the history")
    ResponseEntity<Void> correct(@PathVariable EngagementId id, @PathVariable MetricId metricId,
                                 @PathVariable RecordingId recordingId, @Valid @RequestBody CorrectMetric body) {
        return accepted(new CorrectMetricCommand(id, metricId, recordingId, body.value(), body.reason(),
                person(body.correctedBy())));
    }

    @PostMapping("/{id}/settlements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Settle gain share for the next closed period; returns the statement")
    ResponseEntity<GainShareStatement> settle(@PathVariable EngagementId id, @Valid @RequestBody Settle body) {
        GainSharedEvent settled = commands.sendAndWait(new SettleGainShareCommand(id, new StatementId(UUID.randomUUID().toString()),
                body.periodStart(), body.periodEnd()));
        return ResponseEntity.created(URI.create("/api/engagements/" + id + "/statements/" + settled.statementId()))
                .body(GainShareStatement.settled(settled));
    }

    @PostMapping("/{id}/settlements/{statementId}/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "(customer) Confirm a settled statement")
    ResponseEntity<Void> confirm(@PathVariable EngagementId id, @PathVariable StatementId statementId) {
        return accepted(new ConfirmGainShareCommand(id, statementId));
    }

    @PostMapping("/{id}/settlements/{statementId}/dispute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "(customer) Dispute a settled statement, with a reason")
    ResponseEntity<Void> dispute(@PathVariable EngagementId id, @PathVariable StatementId statementId,
                                 @Valid @RequestBody Dispute body) {
        return accepted(new DisputeGainShareCommand(id, statementId, body.reason()));
    }

    @PostMapping("/{id}/settlements/{statementId}/resolution")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Resolve a disputed statement with the agreed supplier share")
    ResponseEntity<Void> resolve(@PathVariable EngagementId id, @PathVariable StatementId statementId,
                                 @Valid @RequestBody Resolve body) {
        return accepted(new ResolveGainShareCommand(id, statementId, body.supplierShare(), body.note()));
    }

    @PostMapping("/{id}/subscription/fee-changes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the monthly subscription fee from a date")
    ResponseEntity<Void> changeFee(@PathVariable EngagementId id, @Valid @RequestBody ChangeFee body) {
        return accepted(new ChangeSubscriptionFeeCommand(id, body.monthlyFee(), body.effectiveFrom()));
    }

    @PostMapping("/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "(finance) Record a payment received")
    ResponseEntity<Created> recordPayment(@PathVariable EngagementId id, @Valid @RequestBody RecordPayment body) {
        PaymentId paymentId = new PaymentId(UUID.randomUUID().toString());
        commands.sendAndWait(new RecordPaymentCommand(id, paymentId, body.amount(), body.reference(), body.receivedOn()));
        return created("/api/engagements/" + id + "/payments/" + paymentId, paymentId);
    }

    @PostMapping("/{id}/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete the engagement with the final summary")
    ResponseEntity<Void> complete(@PathVariable EngagementId id, @Valid @RequestBody Complete body) {
        return accepted(new CompleteEngagementCommand(id, body.on(), body.summary()));
    }

    @PostMapping("/{id}/cancellation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel the engagement, with a reason")
    ResponseEntity<Void> cancel(@PathVariable EngagementId id, @Valid @RequestBody Cancel body) {
        return accepted(new CancelEngagementCommand(id, body.on(), body.reason()));
    }

    private static PersonId person(String personId) {
        return personId == null ? null : new PersonId(personId);
    }

    private ResponseEntity<Void> accepted(Object command) {
        commands.sendAndWait(command);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Created> created(String location, Object id) {
        return ResponseEntity.created(URI.create(location)).body(new Created(id.toString()));
    }
}
