package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Invoicing over HTTP, in a database of its own (invoice numbers are company-wide): a run issues the months
 * so far and the agreed statement, a second run nothing; a back-dated fee change arrives as adjustments on the
 * next invoice; a payment settles the invoice it names, then the oldest; aging and the PDF show the same
 * figures; a customer sees its own invoices only. Today is 2026-06-15.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:invoicing;DB_CLOSE_DELAY=-1")
class InvoicingHttpTest extends H2HttpTest {

    @Test
    void invoicesAreIssuedOnceCorrectedByAdjustmentsAndPaidOldestFirst() throws Exception {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = api.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "acme")).id();
        String base = "/api/engagements/" + id;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        assertThat(api.as("customer-acme").post(base + "/settlements/" + statement + "/confirmation", "").status()).isEqualTo(204);
        scenario.awaitProjections();

        assertThat(api.post("/api/billing/invoice-runs", "{\"month\": \"2026-06\"}").json().get("code").asString())
                .isEqualTo("MONTH_NOT_ENDED");
        assertThat(api.post(base + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"3500.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-01-04\"}")
                .json().get("code").asString()).as("no fee change before the start").isEqualTo("DATE_BEFORE_START");

        JsonNode april = api.post("/api/billing/invoice-runs", "{\"month\": \"2026-04\"}").json();
        assertThat(april.get("issued")).hasSize(1);
        JsonNode first = april.get("issued").get(0);
        assertThat(first.get("number").asString()).isEqualTo("INV-2026-000001");
        assertThat(first.get("documentType").asString()).isEqualTo("INVOICE");
        assertThat(first.get("issuedOn").asString()).isEqualTo("2026-06-15");
        assertThat(first.get("dueOn").asString()).isEqualTo("2026-07-15");
        assertThat(first.get("customerName").asString()).isEqualTo("ACME Logistics");
        assertThat(first.get("lines").findValuesAsString("kind"))
                .containsExactly("SUBSCRIPTION", "SUBSCRIPTION", "SUBSCRIPTION", "SUBSCRIPTION", "GAIN_SHARE");
        assertThat(first.get("lines").findValues("amount").stream().map(a -> a.get("amount").asString()).toList())
                .containsExactly("2612.90", "3000.00", "3000.00", "3000.00", "1400.00");
        assertThat(first.get("lines").get(0).get("periodStart").asString()).isEqualTo("2026-01-05");
        assertThat(first.get("total").get("amount").asString()).isEqualTo("13012.90");
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(api.post("/api/billing/invoice-runs", "{\"month\": \"2026-04\"}").json().get("issued"))
                .as("a second run issues nothing").isEmpty();

        api.post(base + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"3500.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-03-01\"}");
        JsonNode may = api.post("/api/billing/invoice-runs", "{\"month\": \"2026-05\"}").json().get("issued").get(0);
        assertThat(may.get("number").asString()).isEqualTo("INV-2026-000002");
        assertThat(may.get("lines").findValuesAsString("kind")).containsExactly("ADJUSTMENT", "ADJUSTMENT", "SUBSCRIPTION");
        assertThat(may.get("lines").findValues("amount").stream().map(a -> a.get("amount").asString()).toList())
                .containsExactly("500.00", "500.00", "3500.00");
        assertThat(may.get("total").get("amount").asString()).isEqualTo("4500.00");
        JsonNode aprilAgain = api.get("/api/invoices/" + first.get("id").asString()).json();
        assertThat(aprilAgain.get("total").get("amount").asString()).as("an issued invoice never changes").isEqualTo("13012.90");

        api.post(base + "/payments", "{\"amount\": {\"amount\": \"5000.00\", \"currency\": \"EUR\"}, "
                + "\"reference\": \"INV-2026-000002\", \"receivedOn\": \"2026-06-10\"}");
        scenario.awaitProjections();
        JsonNode invoices = api.get(base + "/invoices").json();
        assertThat(invoices.get(0).get("paid").get("amount").asString()).isEqualTo("500.00");
        assertThat(invoices.get(0).get("outstanding").get("amount").asString()).isEqualTo("12512.90");
        assertThat(invoices.get(1).get("paid").get("amount").asString()).isEqualTo("4500.00");
        assertThat(invoices.get(1).get("status").asString()).isEqualTo("PAID");

        JsonNode summary = api.get(base).json();
        assertThat(summary.get("invoicedToDate").get("amount").asString()).isEqualTo("17512.90");
        assertThat(summary.get("billedToDate").get("amount").asString()).as("accrued: 2612.90 + 3000.00 + 4 x 3500.00 (June has begun) + 1400.00")
                .isEqualTo("21012.90");
        JsonNode mayLine = api.get("/api/billing/reconciliation?month=2026-05").json().get(0);
        assertThat(mayLine.get("invoiced").get("amount").asString()).isEqualTo("4500.00");
        assertThat(mayLine.get("billed").get("amount").asString()).isEqualTo("3500.00");

        JsonNode aging = api.get("/api/billing/aging").json();
        assertThat(aging).hasSize(1);
        assertThat(aging.get(0).get("current").get("amount").asString()).isEqualTo("12512.90");
        assertThat(aging.get(0).get("days1to30").get("amount").asString()).isEqualTo("0.00");
        assertThat(api.get("/api/billing/aging.csv").body())
                .isEqualTo("customerId,customerName,currency,current,days1to30,days31to60,days61to90,over90\r\n"
                        + "acme,ACME Logistics,EUR,12512.90,0.00,0.00,0.00,0.00\r\n");

        String text = pdfText("/api/invoices/" + first.get("id").asString() + ".pdf", "customer-acme");
        assertThat(text).contains("Invoice INV-2026-000001").contains("To: ACME Logistics (acme)")
                .contains("issued 2026-06-15 - due 2026-07-15")
                .contains("Subscription 2026-01, 27 of 31 days (2026-01-05 to 2026-01-31): 2612.90 EUR")
                .contains("Gain share 2026-01-01 to 2026-01-31 (2026-01-01 to 2026-01-31): 1400.00 EUR")
                .contains("stockouts: baseline 40, measured 12, improvement 28, gain 7000")
                .contains("supplier share 20 % = 1400.00 EUR")
                .contains("Total: 13012.90 EUR").contains("Outstanding: 12512.90 EUR");

        assertThat(api.as("customer-acme").get(base + "/invoices").json()).hasSize(2);
        assertThat(api.as("customer-globex").get("/api/invoices/" + first.get("id").asString()).status()).isEqualTo(404);
        assertThat(api.as("customer-globex").get("/api/invoices/" + first.get("id").asString() + ".pdf").status()).isEqualTo(404);
        assertThat(api.as("customer-globex").get(base + "/invoices").status()).isEqualTo(404);
        assertThat(api.as("customer-acme").get("/api/billing/aging").status()).isEqualTo(403);
        assertThat(api.get("/api/invoices/no-such-invoice").status()).isEqualTo(404);
    }

    private String pdfText(String path, String user) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Api.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
