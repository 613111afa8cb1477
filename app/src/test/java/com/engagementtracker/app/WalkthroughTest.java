package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.command.evidence.EvidencePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the README's curl walkthrough, as written, against the running app, and checks what it promises. */
class WalkthroughTest extends H2HttpTest {

    private static final Path README = Path.of("..", "README.md");

    static String walkthrough() throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("<!-- walkthrough:start -->\\s*```bash\\n(.*?)```\\s*<!-- walkthrough:end -->",
                Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a walkthrough block").isTrue();
        return block.group(1);
    }

    @Test
    void theReadmeWalkthroughDoesWhatItSays() throws Exception {
        runAndCheck(api(), port);
    }

    /** Runs the walkthrough against the app on {@code port} and checks every figure it promises. */
    static void runAndCheck(Api api, int port) throws Exception {
        String script = walkthrough().replace("http://localhost:8080", "http://localhost:" + port);
        Process bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(output).isZero();

        assertThat(output).contains("\"supplierShare\":{\"amount\":\"1400.00\",\"currency\":\"EUR\"}");
        assertThat(output).contains("\"customerShare\":{\"amount\":\"5600.00\",\"currency\":\"EUR\"}");
        assertThat(output).contains("\"code\":\"ALREADY_STARTED\"");
        assertThat(output).contains("\"total\":{\"amount\":\"4012.90\",\"currency\":\"EUR\"}")
                .contains("\"paid\":{\"amount\":\"4012.90\",\"currency\":\"EUR\"}").contains("\"status\":\"PAID\"");

        Matcher engagement = Pattern.compile("engagement ([0-9a-f-]{36})").matcher(output);
        assertThat(engagement.find()).as(output).isTrue();
        var summary = new LifecycleScenario(api).awaitSummary(engagement.group(1), "ACTIVE");
        assertThat(summary.get("people")).hasSize(2);
        var stockouts = summary.get("metrics").get(0);
        assertThat(stockouts.get("latestValue").asString()).isEqualTo("12");
        assertThat(stockouts.get("baselineValue").asString()).isEqualTo("40");
        assertThat(stockouts.get("improvement").asString()).isEqualTo("28");
        assertThat(stockouts.get("improvementPercent").asString()).isEqualTo("70.00");

        // the simulation: 30 % of (7000.00 - 1000.00) beside the agreed 1400.00
        assertThat(output).contains("\"simulated\":{\"supplierShare\":{\"amount\":\"1800.00\",\"currency\":\"EUR\"}");
        // the evidence pack holds, by the key the API published
        String key = api.anonymous().get("/api/evidence/public-key").json().get("publicKey").asString();
        EvidencePack.Verification evidence = EvidencePack.verify(Files.readAllBytes(Path.of("/tmp/evidence.zip")),
                EvidencePack.publicKey(key));
        assertThat(evidence.problems()).isEmpty();
        assertThat(evidence.summary()).contains("supplier share 1400.00 EUR");
        // January's margin once the read models have the statement: 4012.90 - 10 person-days x 120.00
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.as("finance")
                .get("/api/engagements/" + engagement.group(1) + "/margin").body())
                .contains("\"margin\":{\"amount\":\"2812.90\",\"currency\":\"EUR\"}"));
    }
}
