package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account team's and finance's pages as a browser uses them: each role lands on its home, the account
 * team runs an engagement from opening to its first recording through the forms alone (and sees the API's
 * errors next to the fields it typed wrong), and finance reads the month's reconciliation and downloads it.
 */
class WorkPagesTest extends H2HttpTest {

    @Test
    void everyRoleLandsOnItsOwnHome() throws Exception {
        assertThat(home("account-team")).isEqualTo("/engagements");
        assertThat(home("finance")).isEqualTo("/billing/reconciliation");
        assertThat(home("customer-acme")).isEqualTo("/portal");
        assertThat(home("admin")).isEqualTo("/swagger-ui.html");
        assertThat(new Browser(port, "customer-acme").get("/engagements").statusCode()).isEqualTo(403);
        assertThat(new Browser(port, "customer-acme").get("/billing/reconciliation").statusCode()).isEqualTo(403);
        assertThat(new Browser(port, "account-team").get("/billing/reconciliation").statusCode()).isEqualTo(403);
    }

    @Test
    void theAccountTeamRunsAnEngagementThroughTheForms() throws Exception {
        Browser team = new Browser(port, "account-team");
        assertThat(team.get("/engagements").body()).contains("Open an engagement");

        Map<String, String> open = Browser.fields("_form", "open", "_back", "/engagements", "_done", "Engagement opened.",
                "title", "", "customerId", "acme", "customerName", "Forms Logistics",
                "customerJob.description", "Keep stock accurate", "customerJob.importance", "9",
                "customerJob.painSeverity", "4", "customerJob.gainRelevance", "4", "plannedStart", "2026-01-01",
                "plannedEnd", "2026-12-31");
        open.put("currency", "EUR");
        HttpResponse<String> refused = team.submit("/engagements", open);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/engagements#open"));
        String errors = team.follow(refused).body();
        assertThat(errors)
                .contains("<span class=\"field-error\" id=\"open-title-error\">must not be blank</span>")
                .contains("aria-describedby=\"open-title-error\"")
                .as("what was typed stays in the form").contains("value=\"Forms Logistics\"");

        // the input's shape first, then the rules of the values, each in the words of the record that keeps it
        open.put("title", "Forms inventory");
        assertThat(team.follow(team.submit("/engagements", open)).body())
                .contains("<span class=\"field-error\" id=\"open-customerJob-importance-error\">must be from 1 to 5, got 9</span>");
        open.put("customerJob.importance", "5");
        HttpResponse<String> page = team.follow(team.submit("/engagements", open));
        assertThat(page.body()).contains("<h1>Forms inventory</h1>").contains(notice("Engagement opened.")).contains("Agree the terms");
        String id = page.uri().getPath().substring("/engagements/".length());
        String self = "/engagements/" + id;

        Map<String, String> terms = Browser.fields("_form", "terms", "_back", self, "_method", "PUT",
                "_done", "Terms agreed.", "model", "HYBRID", "subscription.monthlyFee.amount", "3000.00",
                "subscription.monthlyFee.currency", "EUR", "gainShare.sharePercent", "20",
                "gainShare.hurdle.amount", "", "gainShare.hurdle.currency", "EUR");
        terms.put("gainShare.carryForwardLosses", "true");
        assertThat(team.follow(team.submit(self + "/terms", terms)).body()).contains(notice("Terms agreed.")).contains("HYBRID");

        Map<String, String> baseline = Browser.fields("_form", "baseline", "_back", self,
                "metrics[0].metricId", "stockouts", "metrics[0].name", "Stock-outs", "metrics[0].unit", "count",
                "metrics[0].direction", "LOWER_IS_BETTER", "metrics[0].aggregation", "AVERAGE",
                "metrics[0].baselineValue", "40", "metrics[0].baselineFrom", "2025-10-01", "metrics[0].baselineTo", "2025-12-31",
                "metrics[0].valuePerUnit.currency", "EUR");
        baseline.put("metrics[1].metricId", "");
        baseline.put("metrics[1].valuePerUnit.currency", "EUR");
        team.follow(team.submit(self + "/baseline", baseline));
        team.follow(team.submit(self + "/start", Map.of("_form", "start", "_back", self, "on", "2026-01-05")));
        // a partner's analyst at half time, whom the supplier pays 150.00 a day
        Map<String, String> assign = Browser.fields("_form", "assign", "_back", self, "_done", "Person assigned.",
                "personId", "forms-ana", "displayName", "Ana Lima", "organisationKind", "PARTNER",
                "organisationName", "Forms Partner", "role", "analyst", "allocationPercent", "50", "from", "2026-01-05",
                "to", "2026-06-30", "dayRate.amount", "150.00", "dayRate.currency", "EUR");
        assertThat(team.follow(team.submit(self + "/assignments", assign)).body()).contains(notice("Person assigned."));

        Map<String, String> recording = Browser.fields("_form", "record-stockouts", "_back", self,
                "_done", "Recording stored.", "value", "twelve", "date", "2026-01-31");
        String wrong = team.follow(team.submit(self + "/metrics/stockouts/recordings", recording)).body();
        assertThat(wrong).contains("id=\"record-stockouts-value-error\">must be a number</span>").contains("value=\"twelve\"")
                .doesNotContain(notice("Recording stored."));

        recording.put("value", "12");
        assertThat(team.follow(team.submit(self + "/metrics/stockouts/recordings", recording)).body()).contains(notice("Recording stored."));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(team.get(self).body())
                .contains("latest <strong>12 count</strong>").contains("an improvement of <strong>28 count</strong>"));
        assertThat(team.get(self).body()).as("the history names who did what")
                .contains("account-team (ACCOUNT_TEAM)").contains("Forms inventory");

        // a CSV export uploaded on the page: what was stored, skipped and refused, line by line
        assertThat(team.get(self).body()).contains("Import recordings from a CSV file");
        String export = "engagementId,metricId,date,value,source,externalId\r\n"
                + id + ",stockouts,2026-02-28,10,ERP,feb\r\n" + id + ",stockouts,2026-03-31,9,ERP,mar\r\n";
        assertThat(team.follow(team.upload(self + "/recordings/import", "file", "export.csv", export)).body())
                .contains("2 recordings stored, 0 skipped as sent before, 0 lines refused.");
        team.get(self);
        String refusedImport = team.follow(team.upload(self + "/recordings/import", "file", "export.csv",
                export + id + ",stockouts,31.04.2026,8,ERP,apr\r\n")).body();
        assertThat(refusedImport).contains("0 recordings stored, 0 skipped as sent before, 1 lines refused")
                .contains("<td data-label=\"Line\">4</td>").contains("must be a date as YYYY-MM-DD");

        Browser finance = new Browser(port, "finance");
        String reconciliation = finance.get("/billing/reconciliation?month=2026-01").body();
        assertThat(reconciliation).contains("Totals for 2026-01").contains("Forms Logistics").contains("2612.90 EUR");
        // January's margin: 2612.90 billed less 20 working days x 50 % x 150.00 = 1500.00
        assertThat(reconciliation).contains("Margin in 2026-01").contains("1500.00 EUR").contains("1112.90 EUR")
                .contains("Forms Partner (PARTNER)");
        assertThat(finance.get("/billing/reconciliation").body()).contains("Choose a month to see what each engagement");
        HttpResponse<String> csv = finance.get("/billing/reconciliation.csv?month=2026-01");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"reconciliation-2026-01.csv\"");
        assertThat(csv.body()).startsWith("engagementId,customerName,currency,month,billed,paid,outstanding")
                .contains(id + ",Forms Logistics,EUR,2026-01,2612.90,0.00,2612.90");

        assertThat(finance.get(self).body()).as("finance records payments from the engagement page")
                .contains("Record payment").doesNotContain("Agree the terms").doesNotContain(">Record Stock-outs</button>");

        finance.get("/billing/reconciliation");
        String ran = finance.follow(finance.submit("/billing/invoice-runs", Browser.fields("_form", "run",
                "_back", "/billing/reconciliation", "_done", "Invoice run done:", "month", "2026-05"))).body();
        assertThat(ran).containsPattern("Invoice run done: [1-9][0-9]* invoices? issued\\.");
        String invoiced = finance.get(self).body();
        assertThat(invoiced).contains("<td data-label=\"Month\">2026-05</td>").contains("<td data-label=\"Total\">14612.90 EUR</td>");
        java.util.regex.Matcher pdf = java.util.regex.Pattern.compile("href=\"(" + self + "/invoices/[^\"]+\\.pdf)\"").matcher(invoiced);
        assertThat(pdf.find()).isTrue();
        HttpResponse<String> document = finance.get(pdf.group(1));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    private static String notice(String text) {
        return "<p class=\"notice\" role=\"status\">" + text + "</p>";
    }

    private String home(String user) throws Exception {
        HttpResponse<String> home = new Browser(port, user).get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        return home.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }
}
