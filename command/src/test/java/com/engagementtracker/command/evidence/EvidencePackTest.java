package com.engagementtracker.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.StatementId;
import com.engagementtracker.command.TermsSimulationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement's evidence pack verifies, and each kind of tampering makes it fail with a clear message. The history is
 * {@link TermsSimulationTest}'s first quarter, its statements settled by the engagement itself; March's statement
 * (5000.00 gross, 2500.00 carried in from February, 500.00 to the supplier) needs the earlier statements to check.
 */
class EvidencePackTest {

    private static final StatementId MARCH = new StatementId("statement-2026-03-01");
    private static final KeyPair SUPPLIER = keyPair();

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final EvidencePack.Signer SIGNER = new EvidencePack.Signer() {
        @Override
        public byte[] sign(byte[] data) {
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(SUPPLIER.getPrivate());
                signer.update(data);
                return signer.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public PublicKey publicKey() {
            return SUPPLIER.getPublic();
        }
    };

    private static byte[] pack() {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        for (Object event : TermsSimulationTest.firstQuarterSettled()) {
            history.add(new GenericDomainEventMessage<>("Engagement", "engagement-1", history.size(), event));
        }
        return EvidencePack.build(history, MARCH, Instant.parse("2026-06-15T10:00:00Z"), SIGNER);
    }

    @Test
    void aPackVerifiesAndSaysWhatItProves() {
        EvidencePack.Verification verification = EvidencePack.verify(pack(), SUPPLIER.getPublic());

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.valid()).isTrue();
        // opened, terms, baseline, the three statements and March's one recording: not January's or April's recordings
        assertThat(verification.summary()).isEqualTo("statement statement-2026-03-01 of engagement engagement-1, 2026-03-01 to "
                + "2026-03-31: gross gain 5000.00 EUR, supplier share 500.00 EUR, customer share 2000.00 EUR, settled again from 7 events");
        assertThat(verification.fingerprint()).isEqualTo(EvidencePack.fingerprint(SUPPLIER.getPublic()));
    }

    @Test
    void changingOneRecordingsValueFails() {
        byte[] changed = rewrite(pack(), "events.jsonl", events -> events.replace("\"value\":20", "\"value\":19"));

        EvidencePack.Verification verification = EvidencePack.verify(changed, null);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).anyMatch(problem -> problem.matches(
                "event \\d of events.jsonl \\(MetricRecordedEvent, sequence \\d+\\) does not match its hash in the manifest: it was changed"));
        assertThat(verification.problems()).contains("the gross gain is 5000.00 EUR in the statement, 5250.00 EUR settled again from the events");
    }

    @Test
    void removingAnEventFails() {
        byte[] removed = rewrite(pack(), "events.jsonl", events -> String.join("\n",
                events.lines().filter(line -> !line.contains("MetricRecordedEvent")).toList()) + "\n");

        assertThat(EvidencePack.verify(removed, null).problems())
                .contains("the pack holds 6 events but its manifest lists 7: an event was removed or added");
    }

    @Test
    void editingTheStatementFails() {
        byte[] edited = rewrite(pack(), "statement.json", statement -> statement.replace("\"amount\":500.00", "\"amount\":900.00"));

        EvidencePack.Verification verification = EvidencePack.verify(edited, null);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).contains("statement.json does not match its hash in the manifest: the statement was changed",
                "the supplier share is 900.00 EUR in the statement, 500.00 EUR settled again from the events");
    }

    @Test
    void aManifestRewrittenToMatchFailsItsSignatureAndAnotherKeyIsNamed() throws GeneralSecurityException {
        byte[] forged = rewrite(pack(), "manifest.json", manifest -> manifest.replace("2026-06-15T10:00:00Z", "2026-06-16T10:00:00Z"));
        assertThat(EvidencePack.verify(forged, null).problems()).contains("the manifest's signature does not verify: the manifest "
                + "was changed after it was signed, or another key signed it");

        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(EvidencePack.verify(pack(), other).problems()).contains("the pack was signed with key "
                + EvidencePack.fingerprint(SUPPLIER.getPublic()) + ", not with the expected key " + EvidencePack.fingerprint(other));
    }

    @Test
    void theCommandLinePrintsTheOutcome(@TempDir Path directory) throws IOException {
        Path good = Files.write(directory.resolve("good.zip"), pack());
        Path bad = Files.write(directory.resolve("bad.zip"), rewrite(pack(), "statement.json", s -> s.replace("500.00", "900.00")));
        String key = Base64.getEncoder().encodeToString(SUPPLIER.getPublic().getEncoded());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(EvidencePack.verifyCommand(new String[]{"verify-evidence", good.toString(), "--public-key", key},
                new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: statement statement-2026-03-01").contains("the expected key");

        out.reset();
        assertThat(EvidencePack.verifyCommand(new String[]{"verify-evidence", bad.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED")
                .contains("- statement.json does not match its hash in the manifest: the statement was changed");
    }

    /** The pack with one file's text changed. */
    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<String> change) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
            String before = new String(files.get(name), StandardCharsets.UTF_8);
            String after = change.apply(before);
            assertThat(after).as("the test changes " + name).isNotEqualTo(before);
            files.put(name, after.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(rewritten)) {
                for (var file : files.entrySet()) {
                    out.putNextEntry(new ZipEntry(file.getKey()));
                    out.write(file.getValue());
                    out.closeEntry();
                }
            }
            return rewritten.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
