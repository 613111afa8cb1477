package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

        Browser browser = new Browser("customer-acme");
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
                .contains("/webjars/chart.js/4.4.9/dist/chart.umd.js");
        assertThat(page.body()).containsPattern("data-series=\"\\{&quot;name&quot;:&quot;Stock-outs&quot;,&quot;unit&quot;:&quot;count&quot;,"
                + "&quot;baselineValue&quot;:&quot;40&quot;");

        Browser finance = new Browser("finance");
        HttpResponse<String> financePage = finance.get("/portal/engagements/" + acme);
        assertThat(financePage.body()).contains("1400.00 EUR").doesNotContain(">Confirm</button>");
        assertThat(finance.post("/portal/engagements/" + acme + "/statements/" + statement + "/confirmation",
                "_csrf=" + URLEncoder.encode(csrf(financePage.body()), StandardCharsets.UTF_8)).statusCode())
                .as("finance may not confirm, on pages as on the API").isEqualTo(403);

        HttpResponse<String> confirmed = browser.post("/portal/engagements/" + acme + "/statements/" + statement + "/confirmation",
                "_csrf=" + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("#statements"));
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(base + "/statements").json().get(0).get("status").asString(),
                "CONFIRMED"::equals);
        assertThat(browser.get("/portal/engagements/" + acme).body()).contains("Statement confirmed.");

        HttpResponse<String> notFound = browser.get("/portal/engagements/" + globex);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(notFound.body()).contains("There is nothing here, or nothing you may see.").doesNotContain("Globex secret project");
        assertThat(browser.post("/portal/engagements/" + acme + "/statements/" + statement + "/confirmation", "").statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(new Browser(null).get("/portal").statusCode()).as("anonymous: to the login page").isEqualTo(302);
        assertThat(browser.get("/webjars/chart.js/4.4.9/dist/chart.umd.js").statusCode()).isEqualTo(200);
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page's forms carry a CSRF token").isTrue();
        return token.group(1);
    }

    /** A browser: keeps its session cookie, asks for HTML, follows no redirect by itself. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String user;

        Browser(String user) {
            this.user = user;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html");
            if (user != null) {
                request.header("Authorization", Api.basic(user));
            }
            return request;
        }
    }
}
