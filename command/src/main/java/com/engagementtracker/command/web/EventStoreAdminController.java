package com.engagementtracker.command.web;

import com.engagementtracker.command.backup.EventStoreBackup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** (admin) The event store as a gzipped JSON-lines file, while the app runs: a backup, or the start of a move. */
@RestController
@RequestMapping("/api/admin/event-store")
@Tag(name = "Administration", description = "Operations (ADMIN): read-model rebuilds, dead letters, event store export")
class EventStoreAdminController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final EventStoreBackup backup;
    private final Clock clock;

    EventStoreAdminController(EventStoreBackup backup, Clock clock) {
        this.backup = backup;
        this.clock = clock;
    }

    @GetMapping("/export")
    @Operation(summary = "Every stored event, in global order, as gzipped JSON lines (import with `java -jar app.jar import-events FILE`)")
    ResponseEntity<StreamingResponseBody> export() {
        if (!backup.canExport()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the events are in Axon Server, "
                    + "not in this app's database; back them up with Axon Server's own tools");
            problem.setProperty("code", "EVENTS_IN_AXON_SERVER");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        String name = "events-" + STAMP.format(clock.instant().atZone(clock.getZone())) + ".jsonl.gz";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gzip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(backup::export);
    }
}
