package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.command.evidence.EvidencePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A statement's evidence over the HTTP API on PostgreSQL: the engagement's customer downloads the pack, and the app's
 * own command line checks it offline against the key the API publishes.
 */
class EvidenceHttpTest extends PostgresHttpTest {

    @Test
    void theCustomerDownloadsAPackThatTheOfflineVerifierAccepts(@TempDir Path directory) throws Exception {
        Api api = api();
        String id = api.post("/api/engagements", LifecycleScenario.OPEN.replace("Inventory control", "Evidence inventory")).id();
        String base = "/api/engagements/" + id;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        api.post(base + "/settlements", period("2026-01-01", "2026-01-31"));
        api.post(base + "/metrics/stockouts/recordings", recording("48", "2026-02-27"));
        String february = api.post(base + "/settlements", period("2026-02-01", "2026-02-28")).json().get("id").asString();
        new LifecycleScenario(api).awaitProjections();

        JsonNode key = api.anonymous().get("/api/evidence/public-key").json();
        byte[] pack = api.as("customer-acme").download(base + "/statements/" + february + "/evidence");
        EvidencePack.Verification verification = EvidencePack.verify(pack, EvidencePack.publicKey(key.get("publicKey").asString()));
        assertThat(verification.problems()).isEmpty();
        // February: 48 stock-outs, 8 more than the baseline of 40, a loss of 2000.00; nothing shared
        assertThat(verification.summary()).contains("2026-02-01 to 2026-02-28: gross gain -2000.00 EUR, supplier share 0.00 EUR");
        assertThat(verification.fingerprint()).isEqualTo(key.get("fingerprint").asString());

        assertThat(api.as("finance").get(base + "/statements/" + february + "/evidence").status()).isEqualTo(200);
        assertThat(api.as("customer-globex").get(base + "/statements/" + february + "/evidence").status()).isEqualTo(404);
        Api.Response unknown = api.get(base + "/statements/no-such-statement/evidence");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("STATEMENT_NOT_FOUND");

        // the app's own command line, in a JVM of its own, as an auditor runs it
        Path file = Files.write(directory.resolve("evidence.zip"), pack);
        assertThat(verifyOffline(file, key.get("publicKey").asString())).startsWith("OK: statement " + february);
        String anotherKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic().getEncoded());
        assertThat(verifyOffline(file, anotherKey)).startsWith("FAILED").contains("not with the expected key");
    }

    private static String verifyOffline(Path pack, String publicKey) throws IOException, InterruptedException {
        Process verifier = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngagementTrackerApplication.class.getName(),
                "verify-evidence", pack.toString(), "--public-key", publicKey)).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verifier.exitValue()).as(output).isEqualTo(output.startsWith("OK") ? 0 : 1);
        return output;
    }
}
