package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Many recordings of one engagement at once, all or nothing: every row is checked, and either every row that is not
 * a duplicate is stored (one append) or, when any row breaks a rule, none is and each bad row is named. A row whose
 * {@code externalId} the engagement already holds for that metric (or an earlier row of the batch holds) is a
 * duplicate, skipped and counted: sending the same export twice stores nothing twice.
 */
public record RecordMetricBatchCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        List<Row> rows,
        PersonId recordedBy) {

    /** One recording; {@code externalId} (optional) is the source system's own id for it. */
    public record Row(RecordingId recordingId, MetricId metricId, BigDecimal value, String unit, LocalDate date,
                      String source, String externalId) {
    }

    /** What the batch stored and how many of its rows were duplicates. */
    public record Result(int stored, int duplicates) {
    }

    /** Why a batch stored nothing: each refused row by its index in the batch, the field at fault and the rule. */
    public record Refused(List<RefusedRow> rows) {
    }

    public record RefusedRow(int index, String field, Rule code, String message) {
    }
}
