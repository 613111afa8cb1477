package com.engagementtracker.app.pages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulation's answer ({@code POST /api/engagements/{id}/simulations}) as the engagement page shows it, kept for the
 * one redirect after the form: per period the supplier's share as settled (agreed, after a resolved dispute) beside
 * the simulated one, the totals, and the data of the side-by-side chart. The figures are the API's, never recomputed.
 *
 * @param chart {@code {labels, actual, simulated}}: the supplier's shares per period, null where no statement is
 */
public record SimulationView(List<Row> rows, String actualSupplier, String actualCustomer, String simulatedSupplier,
                             String simulatedCustomer, String chart) implements Serializable {

    public record Row(String period, String actualSupplier, String actualStatus, String simulatedSupplier,
                      String simulatedCustomer, String shareableGain, String capApplied) implements Serializable {
    }

    static SimulationView of(JsonNode answer, JsonMapper json) {
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Object> actual = new ArrayList<>();
        List<Object> simulated = new ArrayList<>();
        for (JsonNode period : answer.get("periods")) {
            String label = period.get("periodStart").asString() + " to " + period.get("periodEnd").asString();
            JsonNode settled = period.get("actual");
            boolean hasActual = settled != null && !settled.isNull();
            JsonNode figures = period.get("simulated");
            rows.add(new Row(label, hasActual ? money(settled.get("agreedSupplierShare")) : "–",
                    hasActual ? settled.get("status").asString() : "not settled", money(figures.get("supplierShare")),
                    money(figures.get("customerShare")), money(figures.get("shareableGain")), figures.get("capApplied").asString()));
            labels.add(label);
            actual.add(hasActual ? settled.get("agreedSupplierShare").get("amount").asString() : null);
            simulated.add(figures.get("supplierShare").get("amount").asString());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("actual", actual);
        chart.put("simulated", simulated);
        return new SimulationView(rows, money(answer.get("actual").get("supplierShare")), money(answer.get("actual").get("customerShare")),
                money(answer.get("simulated").get("supplierShare")), money(answer.get("simulated").get("customerShare")),
                json.writeValueAsString(chart));
    }

    /** A money of the API's answer as the pages write one: "1500.00 EUR". */
    private static String money(JsonNode money) {
        return money.get("amount").asString() + " " + money.get("currency").asString();
    }
}
