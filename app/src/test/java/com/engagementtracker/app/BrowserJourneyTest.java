package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium, driven through its chromedriver by Selenium. A
 * customer signs in with the login form, sees its metric drawn against the baseline, confirms a statement,
 * and sees a recording made through the API arrive without reloading; another customer's engagement is the
 * not-found page; the account team logs a recording through the form. Every page passes axe-core's
 * accessibility rules with no serious or critical violation, and the engagement page fits a phone's width.
 * <p>
 * Skipped, saying so, where Chromium is not installed ({@code .ci/run} installs it). With
 * {@code -Dscreenshots=DIR} the test also saves the screenshots shown in the README.
 */
class BrowserJourneyTest extends H2HttpTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private WebDriver browser;

    @BeforeEach
    void startChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed: the browser tests are skipped");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerWatchesItsEngagementLiveAndConfirmsAStatement() throws Exception {
        Api api = api();
        String acme = api.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "acme")
                .replace("Inventory control", "Browser inventory")).id();
        String globex = api.post("/api/engagements", LifecycleScenario.OPEN.replace("\"acme\"", "\"globex\"")
                .replace("Inventory control", "Globex browser secret")).id();
        String base = "/api/engagements/" + acme;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/assignments", LifecycleScenario.assignment("browser-ana", "Ana Lima", "PARTNER", "Porto University", "50"));
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        api.post(base + "/settlements", period("2026-01-01", "2026-01-31"));
        new LifecycleScenario(api).awaitProjections();

        signIn("customer-acme");
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        accessible("the customer's engagement list");
        find(By.linkText("Browser inventory")).click();
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Browser inventory");
        waitFor(() -> script("return window.Chart && Chart.getChart(document.querySelector('canvas.chart')) ? 1 : 0").equals(1L));
        assertThat(script("return Chart.getChart(document.querySelector('canvas.chart')).data.datasets.map(d => d.label).join('|')"))
                .isEqualTo("Stock-outs (count)|Baseline");
        assertThat(script("return Chart.getChart(document.querySelector('canvas.chart')).data.datasets[1].data.join('|')"))
                .as("the baseline line at the baseline value").isEqualTo("40");
        accessible("the customer's engagement page");
        screenshot("portal-engagement");

        find(By.xpath("//button[text()='Confirm']")).click();
        assertThat(find(By.cssSelector("p.notice")).getText()).isEqualTo("Statement confirmed.");
        waitFor(() -> find(By.cssSelector("[data-live=statements]")).getText().contains("CONFIRMED"));

        // other terms on the same history: 30 % above a hurdle of 1000.00 a period, nothing stored
        WebElement simulate = find(By.id("simulate"));
        simulate.findElement(By.name("gainShare.sharePercent")).sendKeys("30");
        simulate.findElement(By.name("gainShare.hurdle.amount")).sendKeys("1000.00");
        simulate.findElement(By.tagName("button")).click();
        // January: 28 fewer stock-outs x 250.00 = 7000.00; 20 % as agreed is 1400.00; 30 % of 6000.00 is 1800.00
        WebElement simulation = find(By.id("simulation"));
        assertThat(simulation.getText()).contains("2026-01-01 to 2026-01-31").contains("1400.00 EUR").contains("CONFIRMED")
                .contains("6000.00 EUR").contains("1800.00 EUR").contains("4200.00 EUR");
        waitFor(() -> script("return Chart.getChart(document.querySelector('canvas[data-simulation]')) ? 1 : 0").equals(1L));
        assertThat(script("return Chart.getChart(document.querySelector('canvas[data-simulation]')).data.datasets"
                + ".map(d => d.label + ':' + d.data.join(',')).join('|')")).isEqualTo("As agreed:1400|Simulated:1800");
        assertThat(find(By.id("simulate-gainShare-sharePercent")).getAttribute("value")).as("the terms tried stay in the form")
                .isEqualTo("30");
        assertThat(api.get(base + "/statements").json()).as("a simulation stores nothing").hasSize(1);
        accessible("the customer's engagement page with a simulation");
        screenshot("portal-simulation");

        script("window.notReloaded = true; return 1");
        api.post(base + "/metrics/stockouts/recordings", recording("9", "2026-02-27"));
        waitFor(() -> find(By.cssSelector("[data-live=metric-stockouts]")).getText().contains("latest 9 count"));
        assertThat(script("return window.notReloaded === true ? 1 : 0")).as("updated without a reload").isEqualTo(1L);
        assertThat(script("return Chart.getChart(document.querySelector('canvas.chart')).data.datasets[0].data.join('|')"))
                .isEqualTo("12|9");

        browser.get(url("/portal/engagements/" + globex));
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Not Found");
        assertThat(browser.getPageSource()).contains("There is nothing here, or nothing you may see.")
                .doesNotContain("Globex browser secret");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/portal/engagements/" + acme));
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth ? 1 : 0"))
                .as("nothing wider than a phone's screen").isEqualTo(1L);
        screenshot("portal-engagement-phone");
    }

    @Test
    void theAccountTeamLogsARecordingThroughTheForm() throws Exception {
        LifecycleScenario scenario = new LifecycleScenario(api());
        String id = scenario.openAndStart();
        scenario.awaitProjections();

        signIn("account-team");
        assertThat(browser.getCurrentUrl()).endsWith("/engagements");
        accessible("the account team's engagement list");
        screenshot("account-team-engagements");
        browser.get(url("/engagements/" + id));
        WebElement form = find(By.id("record-stockouts"));
        form.findElement(By.name("value")).sendKeys("not a number");
        form.findElement(By.tagName("button")).click();
        WebElement error = find(By.id("record-stockouts-value-error"));
        assertThat(error.getText()).isNotBlank();
        assertThat(find(By.id("record-stockouts-value")).getAttribute("aria-describedby"))
                .isEqualTo("record-stockouts-value-error");
        accessible("the account team's engagement page, with an error");

        WebElement value = find(By.id("record-stockouts-value"));
        value.clear();
        value.sendKeys("7");
        WebElement date = find(By.id("record-stockouts-date"));
        script("arguments[0].value = '2026-01-30'; return 1", date);
        find(By.id("record-stockouts")).findElement(By.tagName("button")).click();
        assertThat(find(By.cssSelector("p.notice")).getText()).isEqualTo("Recording stored.");
        assertThat(find(By.cssSelector("[data-live=metric-stockouts]")).getText()).contains("latest 7 count");
        screenshot("account-team-engagement");

        browser.get(url("/logout"));
        find(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/login"));
        signIn("finance");
        assertThat(browser.getCurrentUrl()).endsWith("/billing/reconciliation");
        accessible("finance's reconciliation");
        screenshot("finance-reconciliation");
    }

    private void signIn(String user) {
        browser.get(url("/login"));
        accessible("the login page");
        find(By.name("username")).sendKeys(user);
        find(By.name("password")).sendKeys(user);
        find(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
        browser.get(url("/"));
    }

    /** axe-core's rules on the page as it stands: no serious or critical violation. */
    private void accessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getPasses()).as(page + ": axe-core ran its rules").isNotEmpty();
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as(page + ": " + serious.stream().map(rule -> rule.getId() + " (" + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "))).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        String directory = System.getProperty("screenshots");
        if (directory != null) {
            Files.write(Path.of(directory, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    /** An element of the page, once it is there: a click that submits a form returns before the next page has loaded. */
    private WebElement find(By by) {
        return new WebDriverWait(browser, PATIENCE).until(driver -> driver.findElements(by).stream().findFirst().orElse(null));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE).until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
