package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.BASELINE;
import static com.engagementtracker.command.EngagementFixtures.HYBRID_TERMS;
import static com.engagementtracker.command.EngagementFixtures.ID;
import static com.engagementtracker.command.EngagementFixtures.OPENED;
import static com.engagementtracker.command.EngagementFixtures.STARTED;
import static com.engagementtracker.command.EngagementFixtures.metric;
import static com.engagementtracker.command.EngagementFixtures.person;
import static com.engagementtracker.command.EngagementFixtures.recording;

import com.engagementtracker.api.Rule;
import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import com.engagementtracker.api.commands.RecordMetricBatchCommand.RefusedRow;
import com.engagementtracker.api.commands.RecordMetricBatchCommand.Row;
import com.engagementtracker.api.events.MetricRecordedEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many recordings at once: all or nothing, every refused row named, rows sent before skipped by their external id. */
class RecordingBatchTest {

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = EngagementFixtures.fixture();
    }

    private static Row row(String recordingId, String metricId, String value, String date, String externalId) {
        return new Row(recording(recordingId), metric(metricId), new BigDecimal(value), null, LocalDate.parse(date), "ERP",
                externalId);
    }

    private static MetricRecordedEvent recorded(String recordingId, String metricId, String value, String unit, String date,
                                                String externalId) {
        return new MetricRecordedEvent(ID, recording(recordingId), metric(metricId), new BigDecimal(value), unit,
                LocalDate.parse(date), "ERP", person("olivia"), externalId);
    }

    @Test
    void storesEveryNewRowAndSkipsTheOnesAlreadySent() {
        fixture.given(OPENED, HYBRID_TERMS, BASELINE, STARTED, recorded("r-1", "stockouts", "31", "count", "2026-01-31", "erp-1"))
                .when(new RecordMetricBatchCommand(ID, List.of(
                        row("r-2", "stockouts", "31", "2026-01-31", "erp-1"),   // stored before
                        row("r-3", "stockouts", "27", "2026-02-28", "erp-2"),
                        row("r-4", "stockouts", "27", "2026-02-28", "erp-2"),   // twice in this batch
                        row("r-5", "on-time", "86.5", "2026-02-28", "erp-2"),   // the same id, another metric
                        row("r-6", "stockouts", "24", "2026-03-31", null)), person("olivia")))
                .expectEvents(recorded("r-3", "stockouts", "27", "count", "2026-02-28", "erp-2"),
                        recorded("r-5", "on-time", "86.5", "%", "2026-02-28", "erp-2"),
                        recorded("r-6", "stockouts", "24", "count", "2026-03-31", null))
                .expectResultMessagePayload(new RecordMetricBatchCommand.Result(3, 2));
    }

    @Test
    void aBatchSentTwiceStoresNothingTheSecondTime() {
        fixture.given(OPENED, HYBRID_TERMS, BASELINE, STARTED,
                        recorded("r-1", "stockouts", "31", "count", "2026-01-31", "erp-1"),
                        recorded("r-2", "stockouts", "27", "count", "2026-02-28", "erp-2"))
                .when(new RecordMetricBatchCommand(ID, List.of(row("r-3", "stockouts", "31", "2026-01-31", "erp-1"),
                        row("r-4", "stockouts", "27", "2026-02-28", "erp-2")), person("olivia")))
                .expectNoEvents()
                .expectResultMessagePayload(new RecordMetricBatchCommand.Result(0, 2));
    }

    @Test
    void oneBadRowRefusesTheWholeBatchAndEveryBadRowIsNamed() {
        fixture.given(OPENED, HYBRID_TERMS, BASELINE, STARTED)
                .when(new RecordMetricBatchCommand(ID, List.of(
                        row("r-1", "stockouts", "27", "2026-02-28", "erp-1"),
                        row("r-2", "returns", "3", "2026-02-28", "erp-2"),
                        new Row(recording("r-3"), metric("stockouts"), new BigDecimal("2"), "dozen", LocalDate.parse("2026-02-28"),
                                "ERP", "erp-3"),
                        row("r-4", "stockouts", "20", "2026-07-01", "erp-4")), person("olivia")))
                .expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<RowsRefusedException>("rows 1, 2 and 3 refused") {
                    @Override
                    protected boolean matchesSafely(RowsRefusedException refusal) {
                        return refusal.getMessage().equals("3 of 4 recordings are refused; none was stored")
                                && refusal.refused().rows().equals(List.of(
                                new RefusedRow(1, "metricId", Rule.METRIC_NOT_FOUND, "the baseline has no metric returns"),
                                new RefusedRow(2, "unit", Rule.UNIT_MISMATCH,
                                        "metric stockouts is measured in count, not dozen; convert the value first"),
                                new RefusedRow(3, "date", Rule.DATE_IN_FUTURE, "2026-07-01 is in the future")));
                    }
                });
    }
}
