package com.engagementtracker.command;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.command.GainShareSettlement.Measurement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A settlement over a long history: five metrics (each aggregation, both directions) and the given
 * number of recordings in the period. In this package because the settlement is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GainShareSettlementBenchmark {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Param({"100", "10000"})
    int recordings;

    private List<BaselineMetric> metrics;
    private List<Measurement> measurements;
    private GainShareTerms terms;

    @Setup
    public void history() {
        metrics = new ArrayList<>();
        Aggregation[] aggregations = Aggregation.values();
        for (int m = 0; m < 5; m++) {
            metrics.add(new BaselineMetric(new MetricId("metric-" + m), "Metric " + m, "units",
                    m % 2 == 0 ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER, new BigDecimal("80.5"),
                    LocalDate.parse("2025-10-01"), LocalDate.parse("2025-12-31"), "ERP",
                    aggregations[m % aggregations.length], new Money(new BigDecimal("12.50"), EUR)));
        }
        Random random = new Random(7);
        measurements = new ArrayList<>();
        for (int i = 0; i < recordings; i++) {
            measurements.add(new Measurement(metrics.get(i % 5).metricId(), LocalDate.parse("2026-01-01").plusDays(i % 31),
                    i, BigDecimal.valueOf(7000 + random.nextInt(3000), 2)));
        }
        terms = new GainShareTerms(new BigDecimal("20"), new Money(new BigDecimal("100.00"), EUR),
                new Money(new BigDecimal("50000.00"), EUR), new Money(new BigDecimal("500000.00"), EUR), true);
    }

    @Benchmark
    public GainShareBreakdown settle() {
        return GainShareSettlement.settle(metrics, measurements, terms, new BigDecimal("250.00"),
                new Money(new BigDecimal("1000.00"), EUR), EUR);
    }
}
