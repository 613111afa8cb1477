package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The customer portal as a browser uses it (a session, CSRF tokens in forms): a customer sees its own
 * engagements and each one's metrics, chart data, people and statements, confirms a statement, and gets
 * the not-found page for another customer's engagement.
 */
class PortalPagesTest extends H2HttpTest {

    @Test
    void aCustomerFollowsItsEngagementAndConfirmsAStatement() throws Exception {
        Api api = api();
        String acme = api.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "acme")
                .replace("Inventory control", "Portal inventory")).id();
        String globex = api.post("/api/engagements", LifecycleScenario.OPEN.replace("\"acme\"", "\"globex\"")
                .replace("Inventory control", "Globex secret project")).id();
        String base = "/api/engagements/" + acme;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/assignments", LifecycleScenario.assignment("portal-ana", "Ana Lima", "PARTNER", "Porto University", "50"));
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        new LifecycleScenario(api).awaitProjections();

        Browser browser = new Browser(port, "customer-acme");
        HttpResponse<String> list = browser.get("/portal");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Your engagements").contains("Portal inventory").doesNotContain("Globex secret project");

        HttpResponse<String> page = browser.get("/portal/engagements/" + acme);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Portal inventory</h1>").contains("Stock-outs")
                .contains("Baseline <strong>40 count</strong>").contains("latest <strong>12 count</strong>")
                .contains("an improvement of <strong>28 count</strong>").contains("(70.00 %)")
                .contains("PARTNER · Porto University").contains("Ana Lima")
                .contains("Keep stock accurate across three warehouses").contains("Importance</dt><dd>5 of 5")
                .contains("1400.00 EUR").contains("5600.00 EUR").contains(">Confirm</button>")
                .contains("/webjars/chart.js/4.4.9/dist/chart.umd.js").contains("Try other terms on this history")
                .as("customers never see cost or margin").doesNotContain("id=\"margin\"");
        assertThat(page.body()).containsPattern("data-series=\"\\{&quot;name&quot;:&quot;Stock-outs&quot;,&quot;unit&quot;:&quot;count&quot;,"
                + "&quot;baselineValue&quot;:&quot;40&quot;");

        Browser finance = new Browser(port, "finance");
        HttpResponse<String> financePage = finance.get("/portal/engagements/" + acme);
        assertThat(financePage.body()).contains("1400.00 EUR").doesNotContain(">Confirm</button>")
                .doesNotContain("Try other terms on this history")
                // January's subscription, 27 of 31 days of 3000.00, and no cost known (no day rate): all margin
                .contains("<h2 id=\"margin\">Margin</h2>").contains("2612.90 EUR").contains("100.00 %");
        String confirmation = "/engagements/" + acme + "/settlements/" + statement + "/confirmation";
        HttpResponse<String> refused = finance.post(confirmation, "_form=confirm&_back=/engagements/" + acme
                + "&_csrf=" + URLEncoder.encode(Browser.csrf(financePage.body()), StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(api.get(base + "/statements").json().get(0).get("status").asString())
                .as("finance may not confirm, on pages as on the API").isEqualTo("SETTLED");

        HttpResponse<String> confirmed = browser.post(confirmation, "_form=confirm&_back=/portal/engagements/" + acme
                + "&_done=Statement+confirmed.&_csrf=" + URLEncoder.encode(Browser.csrf(page.body()), StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portal/engagements/" + acme));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(base + "/statements").json().get(0).get("status").asString(),
                "CONFIRMED"::equals);
        assertThat(browser.get("/portal/engagements/" + acme).body()).contains("Statement confirmed.");

        HttpResponse<String> evidence = browser.get("/portal/engagements/" + acme + "/statements/" + statement + "/evidence.zip");
        assertThat(evidence.statusCode()).isEqualTo(200);
        assertThat(evidence.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(evidence.body()).as("a zip").startsWith("PK");
        assertThat(page.body()).contains("Evidence (zip)");

        HttpResponse<String> notFound = browser.get("/portal/engagements/" + globex);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(notFound.body()).contains("There is nothing here, or nothing you may see.").doesNotContain("Globex secret project");
        assertThat(browser.post(confirmation, "").statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(new Browser(port, null).get("/portal").statusCode()).as("anonymous: to the login page").isEqualTo(302);
        assertThat(browser.get("/webjars/chart.js/4.4.9/dist/chart.umd.js").statusCode()).isEqualTo(200);
    }
}
