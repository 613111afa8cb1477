package com.engagementtracker.command;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
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
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** The engagement most tests start from: ACME's inventory-control engagement in EUR, planned for 2026. */
final class EngagementFixtures {

    /** "Today" in every test of the engagement: 2026-06-15. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    static final EngagementId ID = new EngagementId("engagement-1");
    static final Currency EUR = Currency.getInstance("EUR");
    static final CustomerJob JOB = new CustomerJob("keep stock accurate", 5, 4, 4);

    /** Stock-outs per month, lower is better, summed over a period, each one fewer worth 250.00. */
    static final BaselineMetric STOCKOUTS = new BaselineMetric(metric("stockouts"), "Stock-outs", "count",
            Direction.LOWER_IS_BETTER, new BigDecimal("40"), LocalDate.parse("2025-10-01"),
            LocalDate.parse("2025-12-31"), "ERP", Aggregation.SUM, eur("250.00"));
    /** On-time deliveries in percent, higher is better, averaged, each point worth 100.00. */
    static final BaselineMetric ON_TIME = new BaselineMetric(metric("on-time"), "On-time deliveries", "%",
            Direction.HIGHER_IS_BETTER, new BigDecimal("80"), LocalDate.parse("2025-10-01"),
            LocalDate.parse("2025-12-31"), "WMS", Aggregation.AVERAGE, eur("100.00"));

    static final EngagementOpenedEvent OPENED = new EngagementOpenedEvent(ID, "acme", "ACME Logistics",
            "Inventory control", JOB, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), EUR, new PersonId("olivia"));
    static final TermsAgreedEvent HYBRID_TERMS = new TermsAgreedEvent(ID, BillingModel.HYBRID,
            new SubscriptionTerms(eur("3000.00")), gainShare("20"));
    static final TermsAgreedEvent SUBSCRIPTION_TERMS = new TermsAgreedEvent(ID, BillingModel.SUBSCRIPTION,
            new SubscriptionTerms(eur("3000.00")), null);
    static final BaselineCapturedEvent BASELINE = new BaselineCapturedEvent(ID, List.of(STOCKOUTS, ON_TIME));
    static final EngagementStartedEvent STARTED = new EngagementStartedEvent(ID, LocalDate.parse("2026-01-05"));

    private EngagementFixtures() {
    }

    /** A given/when/expect fixture of the engagement whose "today" is {@link #CLOCK}. */
    static FixtureConfiguration<Engagement> fixture() {
        FixtureConfiguration<Engagement> fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    static MetricId metric(String id) {
        return new MetricId(id);
    }

    static RecordingId recording(String id) {
        return new RecordingId(id);
    }

    static StatementId statement(String id) {
        return new StatementId(id);
    }

    static PersonId person(String id) {
        return new PersonId(id);
    }

    static PaymentId payment(String id) {
        return new PaymentId(id);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static GainShareTerms gainShare(String percent) {
        return new GainShareTerms(new BigDecimal(percent), null, null, null, true);
    }

    static MetricRecordedEvent recorded(String recordingId, BaselineMetric metric, String value, String date) {
        return new MetricRecordedEvent(ID, recording(recordingId), metric.metricId(), new BigDecimal(value),
                metric.unit(), LocalDate.parse(date), "ERP", new PersonId("olivia"));
    }
}
