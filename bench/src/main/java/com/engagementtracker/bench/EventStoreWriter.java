package com.engagementtracker.bench;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EventJson;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Writes realistic engagement histories straight into the event store, serialized exactly as the app
 * serializes them, so that a store of a million events takes seconds rather than an hour of HTTP calls.
 */
final class EventStoreWriter implements AutoCloseable {

    static final MetricId STOCKOUTS = new MetricId("stockouts");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String INSERT = """
            insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, 'Engagement')""";

    private final Connection connection;
    private final PreparedStatement insert;
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final byte[] emptyMetaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    private final Random random = new Random(42);
    private final LocalDate today;
    private long written;
    private int batched;

    EventStoreWriter(Connection connection, LocalDate today) throws SQLException {
        this.connection = connection;
        this.connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
        this.today = today;
    }

    long written() {
        return written;
    }

    /**
     * A hybrid engagement billed for {@code months} months up to last month: recordings each month, then
     * the month settled, confirmed and paid, with one fee change half way.
     */
    void billedEngagement(EngagementId id, int months, int recordingsPerMonth) throws SQLException {
        YearMonth first = YearMonth.from(today).minusMonths(months);
        long sequence = header(id, first.atDay(1), "3000.00");
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            if (m == months / 2) {
                write(id, sequence++, new SubscriptionFeeChangedEvent(id, eur("3300.00"), month.atDay(15)));
            }
            int stockouts = 0;
            for (int r = 0; r < recordingsPerMonth; r++) {
                int value = 3 + random.nextInt(6);
                stockouts += value;
                write(id, sequence++, recorded(id, value, month.atDay(1 + r % month.lengthOfMonth())));
            }
            StatementId statement = new StatementId(UUID.randomUUID().toString());
            write(id, sequence++, settled(id, statement, month, stockouts));
            write(id, sequence++, new GainShareConfirmedEvent(id, statement));
            write(id, sequence++, new PaymentRecordedEvent(id, new PaymentId(UUID.randomUUID().toString()),
                    eur("3000.00"), "INV-" + month, month.plusMonths(1).atDay(10)));
        }
    }

    /** A long engagement: {@code events} events over two years of recordings, each month settled. */
    void longEngagement(EngagementId id, int events) throws SQLException {
        int months = 24;
        YearMonth first = YearMonth.from(today).minusMonths(months);
        long sequence = header(id, first.atDay(1), "3000.00");
        int recordings = events - (int) sequence - months;
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            int inMonth = recordings / months + (m < recordings % months ? 1 : 0);
            for (int r = 0; r < inMonth; r++) {
                write(id, sequence++, recorded(id, 1 + random.nextInt(3), month.atDay(1 + r % month.lengthOfMonth())));
            }
            write(id, sequence++, settled(id, new StatementId(UUID.randomUUID().toString()), month, inMonth));
        }
    }

    /** A new engagement of {@code events} events: opened, terms, baseline, started, then recordings. */
    void shortEngagement(EngagementId id, int events) throws SQLException {
        long sequence = header(id, today.minusMonths(1).withDayOfMonth(1), "3000.00");
        while (sequence < events) {
            write(id, sequence++, recorded(id, 5, today.minusDays(1)));
        }
    }

    private long header(EngagementId id, LocalDate start, String fee) throws SQLException {
        write(id, 0, new EngagementOpenedEvent(id, "customer-" + id.value().substring(0, 8),
                "Customer " + id.value().substring(0, 8), "Inventory control",
                new CustomerJob("Keep stock accurate", 5, 4, 4), start, start.plusYears(3), EUR, new PersonId("bench")));
        write(id, 1, new TermsAgreedEvent(id, BillingModel.HYBRID, new SubscriptionTerms(eur(fee)),
                new GainShareTerms(new BigDecimal("20"), null, null, null, true)));
        write(id, 2, new BaselineCapturedEvent(id, List.of(new BaselineMetric(STOCKOUTS, "Stock-outs", "count",
                Direction.LOWER_IS_BETTER, new BigDecimal("40"), start.minusMonths(3), start.minusDays(1), "ERP",
                Aggregation.SUM, eur("250.00")))));
        write(id, 3, new EngagementStartedEvent(id, start));
        return 4;
    }

    private static MetricRecordedEvent recorded(EngagementId id, int value, LocalDate date) {
        return new MetricRecordedEvent(id, new RecordingId(UUID.randomUUID().toString()), STOCKOUTS,
                BigDecimal.valueOf(value), "count", date, "ERP", new PersonId("bench"));
    }

    private static GainSharedEvent settled(EngagementId id, StatementId statement, YearMonth month, int stockouts) {
        BigDecimal gross = BigDecimal.valueOf(40L - stockouts).multiply(new BigDecimal("250.00"));
        BigDecimal shareable = gross.max(BigDecimal.ZERO);
        Money supplier = Money.rounded(shareable.multiply(new BigDecimal("0.2")), EUR);
        return new GainSharedEvent(id, statement, month.atDay(1), month.atEndOfMonth(),
                new GainShareBreakdown(List.of(), gross, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, shareable,
                        new BigDecimal("20"), supplier.amount(), CapApplied.NONE, supplier,
                        Money.rounded(shareable, EUR).minus(supplier)));
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    private void write(EngagementId id, long sequence, Object event) throws SQLException {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, emptyMetaData);
        insert.setBytes(3, payload.getData());
        insert.setString(4, payload.getType().getRevision());
        insert.setString(5, payload.getType().getName());
        insert.setString(6, DateTimeUtils.formatInstant(Instant.now()));
        insert.setString(7, id.value());
        insert.setLong(8, sequence);
        insert.addBatch();
        written++;
        if (++batched == 1000) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            connection.commit();
            batched = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
    }
}
