package com.engagementtracker.query.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.MetricSeries;
import com.engagementtracker.api.queries.MetricSeries.Point;
import com.engagementtracker.query.JpaTestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricSeriesProjectionTest {

    private static final EngagementId ID = new EngagementId("engagement-1");
    private static final MetricId ON_TIME = new MetricId("on-time");

    private final JpaTestDatabase database = new JpaTestDatabase();
    private final MetricSeriesProjection series = new MetricSeriesProjection(database.entityManager(),
            mock(QueryUpdateEmitter.class));
    private long sequence;

    @BeforeEach
    void anEngagementMeasuringOnTimeDeliveries() {
        database.inTransaction(em -> {
            series.on(new BaselineCapturedEvent(ID, List.of(new BaselineMetric(ON_TIME, "On-time deliveries", "%",
                    Direction.HIGHER_IS_BETTER, new BigDecimal("80"), date("2025-10-01"), date("2025-12-31"), "WMS",
                    Aggregation.AVERAGE, null))));
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private void record(String recordingId, String value, String date) {
        record(recordingId, value, "%", date);
    }

    private void record(String recordingId, String value, String unit, String date) {
        database.inTransaction(em -> series.on(new MetricRecordedEvent(ID, new RecordingId(recordingId), ON_TIME,
                new BigDecimal(value), unit, date(date), "WMS", new PersonId("olivia")), sequence++));
    }

    private MetricSeries fetch() {
        return series.handle(new FetchMetricSeriesQuery(ID, ON_TIME));
    }

    @Test
    void showsOnePointPerRecordingInDateOrderAgainstTheBaseline() {
        record("r-1", "84", "2026-02-28");
        record("r-2", "82", "2026-01-31");
        record("r-3", "90", "2026-02-28");

        MetricSeries fetched = fetch();

        assertThat(fetched.baselineValue()).isEqualTo(new BigDecimal("80"));
        assertThat(fetched.unit()).isEqualTo("%");
        assertThat(fetched.points()).containsExactly(
                new Point(date("2026-01-31"), new BigDecimal("82"), "%", new RecordingId("r-2"), false, new BigDecimal("82"),
                        new BigDecimal("2"), new BigDecimal("2.50")),
                new Point(date("2026-02-28"), new BigDecimal("84"), "%", new RecordingId("r-1"), false, new BigDecimal("84"),
                        new BigDecimal("4"), new BigDecimal("5.00")),
                new Point(date("2026-02-28"), new BigDecimal("90"), "%", new RecordingId("r-3"), false, new BigDecimal("90"),
                        new BigDecimal("10"), new BigDecimal("12.50")));
    }

    @Test
    void aRecordingStoredBeforeEventsCarriedTheUnitShowsTheMetricsUnit() {
        record("r-1", "84", null, "2026-02-28");

        assertThat(fetch().points()).extracting(Point::unit).containsExactly("%");
    }

    @Test
    void showsTheCorrectedValueFlaggedWithTheOriginalBesideIt() {
        record("r-1", "98", "2026-01-31");
        database.inTransaction(em -> series.on(new MetricCorrectedEvent(ID, new RecordingId("r-1"), ON_TIME,
                date("2026-01-31"), new BigDecimal("98"), new BigDecimal("89"), "typo", new PersonId("olivia"))));

        assertThat(fetch().points()).containsExactly(new Point(date("2026-01-31"), new BigDecimal("89"), "%",
                new RecordingId("r-1"), true, new BigDecimal("98"), new BigDecimal("9"), new BigDecimal("11.25")));
    }

    @Test
    void measuresAgainstTheAdjustedBaseline() {
        record("r-1", "84", "2026-01-31");
        database.inTransaction(em -> series.on(new BaselineAdjustedEvent(ID, ON_TIME, new BigDecimal("80"),
                new BigDecimal("75"), "Q4 excluded returns")));

        assertThat(fetch().baselineValue()).isEqualTo(new BigDecimal("75"));
        assertThat(fetch().points().get(0).improvement()).isEqualTo(new BigDecimal("9"));
    }

    @Test
    void anUnknownMetricHasNoSeries() {
        assertThat(series.handle(new FetchMetricSeriesQuery(ID, new MetricId("returns")))).isNull();
    }
}
