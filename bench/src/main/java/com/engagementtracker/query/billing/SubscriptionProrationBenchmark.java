package com.engagementtracker.query.billing;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.SubscriptionProration;
import com.engagementtracker.api.SubscriptionProration.Fee;
import com.engagementtracker.api.SubscriptionProration.MonthlyCharge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The charges of a subscription over the given number of months, with a fee change every quarter. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SubscriptionProrationBenchmark {

    @Param({"12", "24", "120"})
    int months;

    private List<Fee> fees;
    private DateRange active;

    @Setup
    public void history() {
        Currency eur = Currency.getInstance("EUR");
        LocalDate start = LocalDate.parse("2024-01-05");
        fees = new ArrayList<>();
        for (int quarter = 0; quarter * 3 < months; quarter++) {
            fees.add(new Fee(start.plusMonths(3L * quarter).plusDays(9),
                    new Money(new BigDecimal(3000 + 50 * quarter), eur)));
        }
        active = new DateRange(start, start.plusMonths(months).minusDays(1));
    }

    @Benchmark
    public List<MonthlyCharge> charges() {
        return SubscriptionProration.charges(fees, active);
    }
}
