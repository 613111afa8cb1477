package com.engagementtracker.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.ContextAwareSingleEventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.stereotype.Component;

/**
 * Reads revision 1 of {@code MetricRecordedEvent}, which had no {@code unit}, as revision 2: the unit is the
 * one the engagement's baseline gave the metric, learned from the {@code BaselineCapturedEvent} earlier in the
 * same stream. A stream that starts after the baseline (from a snapshot, or a processor's token) cannot see
 * it, and the unit stays null, which readers take as "the metric's unit". Nothing is written back: the stored
 * event keeps its old form, as stored events do.
 */
@Component
public class MetricUnitUpcaster extends ContextAwareSingleEventUpcaster<Map<String, String>> {

    static final String BASELINE_CAPTURED = "com.engagementtracker.api.events.BaselineCapturedEvent";
    static final String METRIC_RECORDED = "com.engagementtracker.api.events.MetricRecordedEvent";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation, Map<String, String> units) {
        String type = representation.getType().getName();
        return type.equals(BASELINE_CAPTURED)
                || (type.equals(METRIC_RECORDED) && representation.getType().getRevision() == null);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation,
                                                       Map<String, String> units) {
        String engagement = representation.getAggregateIdentifier().orElse("");
        if (representation.getType().getName().equals(BASELINE_CAPTURED)) {
            JsonNode payload = representation.getData(JsonNode.class).getData();
            for (JsonNode metric : payload.path("metrics")) {
                units.put(engagement + "/" + metric.path("metricId").asText(), metric.path("unit").asText(null));
            }
            return representation;
        }
        return representation.upcastPayload(new SimpleSerializedType(METRIC_RECORDED, "2"), JsonNode.class, payload -> {
            ObjectNode recorded = (ObjectNode) payload;
            String unit = units.get(engagement + "/" + recorded.path("metricId").asText());
            return unit == null ? recorded.putNull("unit") : recorded.put("unit", unit);
        });
    }

    @Override
    protected Map<String, String> buildContext() {
        return new HashMap<>();
    }
}
