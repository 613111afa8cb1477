package com.engagementtracker.command.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.Limits;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * (account team) Recordings from another system's CSV export, for many engagements in one file: a header naming
 * {@code engagementId,metricId,date,value} and optionally {@code source,externalId}, in any order; a UTF-8 byte order
 * mark, quoted fields and CRLF line ends as spreadsheets and ERPs write them. Each engagement's rows are one batch
 * (all or nothing, rows sent before skipped by their external id), wherever they are in the file. The body is
 * spooled to a temporary file and read twice, counting each engagement's rows and then sending each engagement's
 * batch as soon as its last row is read, so memory holds the rows of unfinished engagements only: one engagement's
 * for a file sorted by engagement, as exports are.
 */
@RestController
@Tag(name = "Engagement commands", description = "What the account team, finance and the customer do to an engagement")
class RecordingImportController {

    private static final List<String> REQUIRED = List.of("engagementId", "metricId", "date", "value");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** A refused line of the file: its number (the header is line 1), the column at fault, the rule and why. */
    record RefusedLine(long line, String field, String code, String message) {
    }

    /** What became of one engagement's rows: stored, skipped as sent before, or refused (then nothing is stored). */
    record EngagementReport(String engagementId, int stored, int duplicates, List<RefusedLine> refused) {
    }

    record ImportReport(int stored, int duplicates, int refusedLines, List<EngagementReport> engagements) {
    }

    private final CommandGateway commands;
    private final Validator validator;

    RecordingImportController(CommandGateway commands, Validator validator) {
        this.commands = commands;
        this.validator = validator;
    }

    @PostMapping(path = "/api/imports/recordings", consumes = {"text/csv", "application/csv"})
    @Operation(summary = "Import recordings for many engagements from a CSV file; each engagement's rows all or nothing",
            description = "Header `engagementId,metricId,date,value,source,externalId` (`source` and `externalId` optional). "
                    + "Answers 200 with, per engagement, `stored`, `duplicates` (rows whose externalId was stored before) "
                    + "and `refused: [{line, field, code, message}]`; an engagement with a refused line stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv")))
    ImportReport importRecordings(InputStream body) throws IOException {
        Path file = Files.createTempFile("recordings-import-", ".csv");
        try {
            spool(body, file);
            Map<String, Integer> rowsPerEngagement = countRows(file);
            return importFrom(file, rowsPerEngagement);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void spool(InputStream body, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > Limits.IMPORT_BYTES) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                            "the import is larger than " + Limits.IMPORT_BYTES + " bytes");
                    problem.setProperty("code", "BODY_TOO_LARGE");
                    throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static CSVParser parse(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        skipByteOrderMark(reader);
        CSVParser parser = FORMAT.parse(reader);
        for (String column : REQUIRED) {
            if (!parser.getHeaderNames().contains(column)) {
                parser.close();
                throw new InvalidValue("header", "the file has no column " + column + "; its first line must name "
                        + String.join(",", REQUIRED) + " and optionally source,externalId, separated by commas");
            }
        }
        return parser;
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** How many rows each engagement has in the file, in the order the engagements first appear. */
    private static Map<String, Integer> countRows(Path file) throws IOException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (CSVParser parser = parse(file)) {
            for (CSVRecord record : parser) {
                rows.merge(engagementOf(record), 1, Integer::sum);
            }
        }
        return rows;
    }

    private static String engagementOf(CSVRecord record) {
        return record.isSet("engagementId") ? record.get("engagementId") : "";
    }

    /** One engagement's rows read so far, and the lines refused among them. */
    private static final class Pending {
        final List<RecordMetricBatchCommand.Row> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<RefusedLine> refused = new ArrayList<>();
        int read;
    }

    private ImportReport importFrom(Path file, Map<String, Integer> rowsPerEngagement) throws IOException {
        Map<String, Pending> pending = new HashMap<>();
        Map<String, EngagementReport> reports = new LinkedHashMap<>();
        rowsPerEngagement.keySet().forEach(engagement -> reports.put(engagement, null));
        try (CSVParser parser = parse(file)) {
            for (CSVRecord record : parser) {
                String engagement = engagementOf(record);
                Pending rows = pending.computeIfAbsent(engagement, id -> new Pending());
                read(record, rows);
                if (++rows.read == rowsPerEngagement.get(engagement)) {
                    reports.put(engagement, decide(engagement, rows));
                    pending.remove(engagement);
                }
            }
        }
        List<EngagementReport> engagements = List.copyOf(reports.values());
        return new ImportReport(engagements.stream().mapToInt(EngagementReport::stored).sum(),
                engagements.stream().mapToInt(EngagementReport::duplicates).sum(),
                engagements.stream().mapToInt(report -> report.refused().size()).sum(), engagements);
    }

    /**
     * A row as a recording, or, when a field is not what it must be, a refused line for each. The fields are read as
     * the JSON API reads them: ids by their own rules, dates in the API's range, then the batch endpoint's
     * {@link EngagementRequests.BatchRecording} with its constraints, and text without control characters.
     */
    private void read(CSVRecord record, Pending rows) {
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            rows.refused.add(new RefusedLine(line, "line", "INVALID_VALUE", "has " + record.size()
                    + " fields where the header names " + record.getParser().getHeaderNames().size()));
            return;
        }
        List<RefusedLine> problems = new ArrayList<>();
        try {
            new EngagementId(value(record, "engagementId"));
        } catch (IllegalArgumentException e) {
            problems.add(new RefusedLine(line, "engagementId", "INVALID_VALUE", e.getMessage()));
        }
        MetricId metric = null;
        try {
            metric = new MetricId(value(record, "metricId"));
        } catch (IllegalArgumentException e) {
            problems.add(new RefusedLine(line, "metricId", "INVALID_VALUE", e.getMessage()));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(String.valueOf(value(record, "date")));
            if (!Limits.dateInRange(date)) {
                problems.add(new RefusedLine(line, "date", "INVALID_VALUE", "must be between " + Limits.EARLIEST_DATE
                        + " and " + Limits.LATEST_DATE));
            }
        } catch (DateTimeParseException e) {
            problems.add(new RefusedLine(line, "date", "INVALID_VALUE", "must be a date as YYYY-MM-DD"));
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(String.valueOf(value(record, "value")));
        } catch (NumberFormatException e) {
            problems.add(new RefusedLine(line, "value", "INVALID_VALUE", "must be a number, such as 12 or 86.5"));
        }
        EngagementRequests.BatchRecording recording = new EngagementRequests.BatchRecording(metric, value, null, date,
                value(record, "source"), value(record, "externalId"));
        // a field that could not be read is already named; the constraints are checked on the others
        Set<String> named = problems.stream().map(RefusedLine::field).collect(Collectors.toSet());
        validator.validate(recording).stream().filter(violation -> !named.contains(violation.getPropertyPath().toString()))
                .forEach(violation -> problems.add(new RefusedLine(line, violation.getPropertyPath().toString(),
                        "INVALID_VALUE", violation.getMessage())));
        for (String field : List.of("source", "externalId")) {
            if (!RequestValues.plainText(value(record, field))) {
                problems.add(new RefusedLine(line, field, "INVALID_VALUE", RequestValues.PLAIN_TEXT));
            }
        }
        if (!problems.isEmpty()) {
            rows.refused.addAll(problems);
            return;
        }
        rows.rows.add(new RecordMetricBatchCommand.Row(new RecordingId(UUID.randomUUID().toString()), metric, value, null,
                date, recording.source(), recording.externalId()));
        rows.lines.add(line);
    }

    /** A column's text, or null when the column is absent or the field empty. */
    private static String value(CSVRecord record, String column) {
        if (!record.isSet(column)) {
            return null;
        }
        String text = record.get(column);
        return text.isEmpty() ? null : text;
    }

    /** One engagement's rows, all read: refused whole when a line is, else sent as one batch. */
    private EngagementReport decide(String engagement, Pending rows) {
        if (!rows.refused.isEmpty()) {
            return new EngagementReport(engagement, 0, 0, List.copyOf(rows.refused));
        }
        if (rows.rows.size() > Limits.BATCH_ROWS) {
            return new EngagementReport(engagement, 0, 0, List.of(new RefusedLine(rows.lines.get(0), "engagementId",
                    "TOO_MANY_ROWS", "an import takes at most " + Limits.BATCH_ROWS + " recordings per engagement; this file has "
                            + rows.rows.size())));
        }
        try {
            RecordMetricBatchCommand.Result result = commands.sendAndWait(
                    new RecordMetricBatchCommand(new EngagementId(engagement), rows.rows, null));
            return new EngagementReport(engagement, result.stored(), result.duplicates(), List.of());
        } catch (CommandExecutionException e) {
            return new EngagementReport(engagement, 0, 0, refusedLines(e, rows.lines));
        }
    }

    private static List<RefusedLine> refusedLines(CommandExecutionException refusal, List<Long> lines) {
        Optional<Object> details = refusal.getDetails();
        if (details.orElse(null) instanceof RecordMetricBatchCommand.Refused refused) {
            return refused.rows().stream().map(row -> new RefusedLine(lines.get(row.index()), row.field(), row.code().name(),
                    row.message())).toList();
        }
        if (details.orElse(null) instanceof Rule rule) {
            return List.of(new RefusedLine(lines.get(0), "engagementId", rule.name(), refusal.getMessage()));
        }
        throw refusal;
    }
}
