package com.engagementtracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EventJson;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.events.MetricRecordedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * Events stored before {@code MetricRecordedEvent} had a unit (revision 1, JSON as stored then, in
 * {@code src/test/resources/events/revision-1}) read as revision 2 with the baseline metric's unit.
 */
class MetricUnitUpcasterTest {

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new MetricUnitUpcaster());

    @Test
    void anOldRecordingTakesTheUnitOfItsBaselineMetric() throws IOException {
        List<Object> events = read(stored(0, MetricUnitUpcaster.BASELINE_CAPTURED, "baseline-captured.json"),
                stored(1, MetricUnitUpcaster.METRIC_RECORDED, "metric-recorded.json"));

        assertThat(events.get(1)).isEqualTo(new MetricRecordedEvent(new EngagementId("e-1"),
                new RecordingId("r-1"), new MetricId("on-time"),
                new BigDecimal("87.5"), "%", LocalDate.of(2026, 1, 31), "WMS", new PersonId("olivia")));
    }

    @Test
    void anOldRecordingReadWithoutItsBaselineLeavesTheUnitToTheReader() throws IOException {
        List<Object> events = read(stored(1, MetricUnitUpcaster.METRIC_RECORDED, "metric-recorded.json"));

        MetricRecordedEvent recorded = (MetricRecordedEvent) events.get(0);
        assertThat(recorded.unit()).isNull();
        assertThat(recorded.value()).isEqualByComparingTo("87.5");
    }

    @Test
    void aCurrentRecordingIsReadAsItWasWritten() {
        MetricRecordedEvent current = new MetricRecordedEvent(new EngagementId("e-1"),
                new RecordingId("r-2"), new MetricId("stockouts"),
                new BigDecimal("12"), "count", LocalDate.of(2026, 2, 28), "ERP", new PersonId("olivia"));
        var serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        List<Object> events = read(new GenericDomainEventEntry<>("Engagement", "e-1", 2, "event-2", "2026-03-01T00:00:00Z",
                serialized.getType().getName(), "2", serialized.getData(), "{}".getBytes()));
        assertThat(events).containsExactly(current);
    }

    private List<Object> read(DomainEventData<?>... stored) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters);
        return stream.asStream().map(event -> (Object) event.getPayload()).toList();
    }

    private static DomainEventData<byte[]> stored(long sequence, String type, String fixture) throws IOException {
        try (InputStream json = MetricUnitUpcasterTest.class.getResourceAsStream("/events/revision-1/" + fixture)) {
            return new GenericDomainEventEntry<>("Engagement", "e-1", sequence, "event-" + sequence,
                    "2026-03-01T00:00:00Z", type, null, json.readAllBytes(), "{}".getBytes());
        }
    }
}
