package com.engagementtracker.query.metrics;

import com.engagementtracker.api.EngagementStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the business does, for Prometheus, read from the read models: engagements by status, recordings and
 * settlements so far (counters, so that Prometheus can take their rate), and per currency the gain shared
 * with the supplier, what was invoiced and what was paid, never summed across currencies. Everything is read
 * every 30 seconds, not at each scrape: counting a large recordings table for every Prometheus that asks
 * would put the read models' cost on the scrape.
 */
@Component
public class DomainMetrics {

    private final JdbcTemplate jdbc;
    private final Map<EngagementStatus, AtomicLong> engagements = new EnumMap<>(EngagementStatus.class);
    private final AtomicLong recordings = new AtomicLong();
    private final AtomicLong settlements = new AtomicLong();
    private final MultiGauge gainShared;
    private final MultiGauge invoiced;
    private final MultiGauge paid;

    DomainMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (EngagementStatus status : EngagementStatus.values()) {
            AtomicLong count = new AtomicLong();
            engagements.put(status, count);
            Gauge.builder("engagement.engagements", count, AtomicLong::get).description("engagements by status")
                    .tag("status", status.name()).register(registry);
        }
        FunctionCounter.builder("engagement.recordings", recordings, AtomicLong::get).description("metric recordings stored")
                .register(registry);
        FunctionCounter.builder("engagement.settlements", settlements, AtomicLong::get).description("gain-share periods settled")
                .register(registry);
        gainShared = MultiGauge.builder("engagement.gain.shared").description("the supplier's shares of agreed statements")
                .register(registry);
        invoiced = MultiGauge.builder("engagement.invoiced").description("invoice totals, credit notes included").register(registry);
        paid = MultiGauge.builder("engagement.paid").description("payments received").register(registry);
    }

    /** The figures, read again (first a second after start, once the schema is there). */
    @Scheduled(fixedDelayString = "${engagement.metrics.refresh:30s}", initialDelayString = "1s")
    public void refresh() {
        Map<EngagementStatus, Long> byStatus = new EnumMap<>(EngagementStatus.class);
        jdbc.query("select status, count(*) from engagement_summary group by status",
                (RowCallbackHandler) row -> byStatus.put(EngagementStatus.valueOf(row.getString(1)), row.getLong(2)));
        engagements.forEach((status, count) -> count.set(byStatus.getOrDefault(status, 0L)));
        recordings.set(count("select count(*) from metric_recording"));
        settlements.set(count("select count(*) from gain_share_statement"));
        gainShared.register(perCurrency("""
                select e.currency, sum(s.supplier_share) from gain_share_statement s join billing_engagement e on e.id = s.engagement_id
                where s.status in ('CONFIRMED', 'RESOLVED') group by e.currency"""), true);
        invoiced.register(perCurrency("select currency, sum(total) from invoice group by currency"), true);
        paid.register(perCurrency("""
                select e.currency, sum(p.amount) from payment p join billing_engagement e on e.id = p.engagement_id
                group by e.currency"""), true);
    }

    private List<MultiGauge.Row<?>> perCurrency(String sql) {
        return jdbc.query(sql, (row, n) -> MultiGauge.Row.of(Tags.of("currency", row.getString(1)),
                row.getBigDecimal(2) == null ? 0 : row.getBigDecimal(2).doubleValue()));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
