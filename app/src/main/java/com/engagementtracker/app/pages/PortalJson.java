package com.engagementtracker.app.pages;

import com.engagementtracker.api.queries.MetricSeries;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A metric's series as the chart script reads it from the page's {@code data-series}. */
@Component
class PortalJson {

    private final JsonMapper json;

    PortalJson(JsonMapper json) {
        this.json = json;
    }

    String series(MetricSeries series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("name", series.name());
        chart.put("unit", series.unit());
        chart.put("baselineValue", series.baselineValue());
        chart.put("points", series.points().stream().map(p -> Map.of("date", p.date().toString(), "value", p.value()))
                .toList());
        return json.writeValueAsString(chart);
    }
}
