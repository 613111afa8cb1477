package com.engagementtracker.command.evidence;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.EventJson;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.command.RuleViolationException;
import com.engagementtracker.command.TermsSimulation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The evidence behind one gain-share statement, as a zip a customer's auditor can check without us: every event the
 * statement depends on as JSON lines ({@code events.jsonl}), the statement ({@code statement.json}), and a manifest
 * with each line's SHA-256, a hash chain over them and the statement, and the supplier's Ed25519 public key
 * ({@code manifest.json}), signed by that key ({@code manifest.sig}). {@link #verify} checks the signature, every hash
 * and the chain, then settles the period again from the events with the engagement's own settlement
 * ({@link TermsSimulation} over the agreed terms) and compares it with the statement. The format lives here only.
 * <p>
 * The events, up to the statement's own: the opening (the currency), the terms, the baseline and its adjustments, the
 * recordings and corrections dated in the period, and the earlier statements and their resolutions (the deficit
 * carried in, the shares that count against a lifetime cap).
 */
public final class EvidencePack {

    public static final String FORMAT = "engagement-evidence/1";
    private static final String EVENTS = "events.jsonl";
    private static final String STATEMENT = "statement.json";
    private static final String MANIFEST = "manifest.json";
    private static final String SIGNATURE = "manifest.sig";
    private static final String EVENT_PACKAGE = "com.engagementtracker.api.events.";
    private static final ObjectMapper JSON = EventJson.exactTrees();

    private EvidencePack() {
    }

    /** Signs a manifest with the supplier's key. */
    public interface Signer {
        byte[] sign(byte[] data);

        PublicKey publicKey();
    }

    /**
     * The pack of this statement from the engagement's events (in their order, from the first).
     *
     * @throws RuleViolationException {@code STATEMENT_NOT_FOUND} when no event settled this statement
     */
    public static byte[] build(List<? extends DomainEventMessage<?>> history, StatementId statementId, Instant generatedAt,
                               Signer signer) {
        GainSharedEvent statement = null;
        int statementAt = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).getPayload() instanceof GainSharedEvent settled && settled.statementId().equals(statementId)) {
                statement = settled;
                statementAt = i;
            }
        }
        if (statement == null) {
            throw new RuleViolationException(Rule.STATEMENT_NOT_FOUND, "the engagement has no statement " + statementId);
        }
        DateRange period = new DateRange(statement.periodStart(), statement.periodEnd());
        List<String> lines = new ArrayList<>();
        ArrayNode listed = JSON.createArrayNode();
        for (DomainEventMessage<?> event : history.subList(0, statementAt + 1)) {
            if (dependsOn(event.getPayload(), period)) {
                ObjectNode line = JSON.createObjectNode();
                line.put("sequence", event.getSequenceNumber());
                line.put("type", event.getPayloadType().getName());
                line.put("timestamp", event.getTimestamp().toString());
                line.set("payload", JSON.valueToTree(event.getPayload()));
                String text = write(line);
                lines.add(text);
                listed.addObject().put("sequence", event.getSequenceNumber()).put("type", event.getPayloadType().getSimpleName())
                        .put("sha256", sha256(text));
            }
        }
        String statementJson = write(JSON.valueToTree(statement));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("engagementId", statement.engagementId().value());
        manifest.put("statementId", statementId.value());
        manifest.put("periodStart", statement.periodStart().toString());
        manifest.put("periodEnd", statement.periodEnd().toString());
        manifest.put("generatedAt", generatedAt.toString());
        manifest.put("hash", "SHA-256");
        manifest.set("events", listed);
        manifest.put("statementSha256", sha256(statementJson));
        manifest.put("chain", chain(lines, statementJson));
        manifest.put("signature", "Ed25519");
        manifest.put("publicKey", Base64.getEncoder().encodeToString(signer.publicKey().getEncoded()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            entry(out, EVENTS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            entry(out, STATEMENT, statementJson.getBytes(StandardCharsets.UTF_8));
            entry(out, MANIFEST, manifestBytes);
            entry(out, SIGNATURE, Base64.getEncoder().encode(signer.sign(manifestBytes)));
            entry(out, "README.txt", ("""
                    The evidence behind gain-share statement %s of engagement %s (%s to %s).
                    %s: the events it depends on, one JSON object per line; %s: the statement as settled;
                    %s: each line's SHA-256, a hash chain over them and the statement, and the supplier's Ed25519 public key
                    (X.509, Base64), fingerprint %s; %s: its signature of %s (Base64).
                    Check it with: java -jar app.jar verify-evidence this.zip [--public-key KEY]
                    """).formatted(statementId, statement.engagementId(), period.from(), period.to(), EVENTS, STATEMENT, MANIFEST,
                    fingerprint(signer.publicKey()), SIGNATURE, MANIFEST).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not write the evidence pack", e);
        }
        return zip.toByteArray();
    }

    /** Whether a statement of this period depends on this event (see the class comment). */
    private static boolean dependsOn(Object event, DateRange period) {
        return event instanceof EngagementOpenedEvent || event instanceof TermsAgreedEvent
                || event instanceof BaselineCapturedEvent || event instanceof BaselineAdjustedEvent
                || event instanceof GainSharedEvent || event instanceof GainShareResolvedEvent
                || event instanceof MetricRecordedEvent recorded && period.contains(recorded.date())
                || event instanceof MetricCorrectedEvent corrected && period.contains(corrected.date());
    }

    /** What {@link #verify} found: whether the pack holds, what it says, and every problem in plain words. */
    public record Verification(boolean valid, String fingerprint, String summary, List<String> problems) {
    }

    /**
     * Checks a pack: signature (by {@code expectedKey} when given, else by the key the manifest names, whose
     * fingerprint the answer shows for comparison with the supplier's published one), every event's and the
     * statement's hash, the chain, and the statement against the period settled again from the events.
     */
    public static Verification verify(byte[] zip, PublicKey expectedKey) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> files = unzip(zip);
        for (String name : List.of(EVENTS, STATEMENT, MANIFEST, SIGNATURE)) {
            if (!files.containsKey(name)) {
                return new Verification(false, null, "not an evidence pack", List.of(name + " is missing"));
            }
        }
        JsonNode manifest;
        PublicKey key;
        try {
            manifest = JSON.readTree(files.get(MANIFEST));
            key = publicKey(manifest.path("publicKey").asText());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return new Verification(false, null, "not an evidence pack", List.of("the manifest cannot be read: " + e.getMessage()));
        }
        String fingerprint = fingerprint(key);
        if (expectedKey != null && !expectedKey.equals(key)) {
            problems.add("the pack was signed with key " + fingerprint + ", not with the expected key " + fingerprint(expectedKey));
        }
        if (!signatureHolds(expectedKey != null ? expectedKey : key, files.get(MANIFEST), files.get(SIGNATURE))) {
            problems.add("the manifest's signature does not verify: the manifest was changed after it was signed, or another key signed it");
        }
        String events = new String(files.get(EVENTS), StandardCharsets.UTF_8);
        List<String> lines = events.lines().filter(line -> !line.isBlank()).toList();
        JsonNode listed = manifest.path("events");
        if (lines.size() != listed.size()) {
            problems.add("the pack holds " + lines.size() + " events but its manifest lists " + listed.size()
                    + ": an event was removed or added");
        }
        for (int i = 0; i < Math.min(lines.size(), listed.size()); i++) {
            if (!sha256(lines.get(i)).equals(listed.get(i).path("sha256").asText())) {
                problems.add("event " + (i + 1) + " of " + EVENTS + " (" + listed.get(i).path("type").asText() + ", sequence "
                        + listed.get(i).path("sequence").asLong() + ") does not match its hash in the manifest: it was changed");
            }
        }
        String statementJson = new String(files.get(STATEMENT), StandardCharsets.UTF_8);
        if (!sha256(statementJson).equals(manifest.path("statementSha256").asText())) {
            problems.add(STATEMENT + " does not match its hash in the manifest: the statement was changed");
        }
        if (!chain(lines, statementJson).equals(manifest.path("chain").asText())) {
            problems.add("the hash chain over the events and the statement is not the manifest's");
        }
        String summary = "";
        try {
            List<Object> payloads = new ArrayList<>();
            for (String line : lines) {
                payloads.add(payload(JSON.readTree(line)));
            }
            GainSharedEvent statement = JSON.readValue(statementJson, GainSharedEvent.class);
            summary = recompute(payloads, statement, problems);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            problems.add("the statement cannot be settled again from the events: " + e.getMessage());
        }
        return new Verification(problems.isEmpty(), fingerprint, summary, problems);
    }

    /** Settles the statement's period again from the events under the agreed terms and compares every figure. */
    private static String recompute(List<Object> events, GainSharedEvent statement, List<String> problems) {
        TermsAgreedEvent terms = events.stream().filter(TermsAgreedEvent.class::isInstance).map(TermsAgreedEvent.class::cast)
                .reduce((first, second) -> second).orElseThrow(() -> new IllegalArgumentException("the terms are not in the pack"));
        if (terms.gainShare() == null) {
            throw new IllegalArgumentException("the terms in the pack have no gain sharing");
        }
        DateRange period = new DateRange(statement.periodStart(), statement.periodEnd());
        TermsSimulation.Figures stated = TermsSimulation.Figures.of(statement.breakdown());
        TermsSimulation.Figures again = TermsSimulation.simulate(events, terms.gainShare(), List.of(period),
                period.to().plusDays(1)).periods().get(0).simulated();
        Map<String, Object[]> figures = new LinkedHashMap<>();
        figures.put("gross gain", new Object[]{stated.grossGain(), again.grossGain()});
        figures.put("deficit carried in", new Object[]{stated.deficitCarriedIn(), again.deficitCarriedIn()});
        figures.put("shareable gain", new Object[]{stated.shareableGain(), again.shareableGain()});
        figures.put("cap applied", new Object[]{stated.capApplied(), again.capApplied()});
        figures.put("supplier share", new Object[]{stated.supplierShare(), again.supplierShare()});
        figures.put("customer share", new Object[]{stated.customerShare(), again.customerShare()});
        figures.put("deficit carried out", new Object[]{stated.deficitCarriedOut(), again.deficitCarriedOut()});
        figures.forEach((name, pair) -> {
            if (!pair[0].equals(pair[1])) {
                problems.add("the " + name + " is " + pair[0] + " in the statement, " + pair[1] + " settled again from the events");
            }
        });
        return "statement " + statement.statementId() + " of engagement " + statement.engagementId() + ", " + period.from()
                + " to " + period.to() + ": gross gain " + again.grossGain() + ", supplier share " + again.supplierShare()
                + ", customer share " + again.customerShare() + ", settled again from " + events.size() + " events";
    }

    /** The event of a line, of an event type of the product only: a pack never names a class to instantiate. */
    private static Object payload(JsonNode line) throws ClassNotFoundException, JsonProcessingException {
        String type = line.path("type").asText();
        if (!type.startsWith(EVENT_PACKAGE)) {
            throw new IllegalArgumentException("an event of unknown type " + type);
        }
        return JSON.treeToValue(line.path("payload"), Class.forName(type));
    }

    /** The command line: {@code verify-evidence PACK.zip [--public-key BASE64]}; prints the outcome, 0 when the pack holds. */
    public static int verifyCommand(String[] args, PrintStream out) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--public-key"))) {
            out.println("usage: java -jar app.jar verify-evidence PACK.zip [--public-key BASE64-X509-KEY]");
            return 2;
        }
        PublicKey expected = null;
        if (args.length == 4) {
            try {
                expected = publicKey(args[3]);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                out.println("FAILED: the public key given is no Ed25519 key: " + e.getMessage());
                return 1;
            }
        }
        byte[] pack;
        try {
            pack = Files.readAllBytes(Path.of(args[1]));
        } catch (IOException e) {
            out.println("FAILED: cannot read " + args[1] + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        Verification verification = verify(pack, expected);
        if (verification.valid()) {
            out.println("OK: " + verification.summary());
            out.println("signed by the key with fingerprint " + verification.fingerprint()
                    + (expected == null ? " (compare it with the supplier's published one, or pass --public-key)" : ", the expected key"));
            return 0;
        }
        out.println("FAILED: " + (verification.summary().isEmpty() ? "the pack does not hold" : verification.summary()));
        verification.problems().forEach(problem -> out.println("- " + problem));
        return 1;
    }

    /** The SHA-256 of a public key's X.509 encoding, in hex: what a person compares. */
    public static String fingerprint(PublicKey key) {
        return HexFormat.of().formatHex(digest(key.getEncoded()));
    }

    public static PublicKey publicKey(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    }

    private static boolean signatureHolds(PublicKey key, byte[] manifest, byte[] base64Signature) {
        try {
            return verifies(key, manifest, Base64.getDecoder().decode(new String(base64Signature, StandardCharsets.US_ASCII).strip()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Whether {@code signature} is this Ed25519 key's signature of {@code data}. */
    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** c0 = 32 zero bytes; c(i) = SHA-256(c(i-1) + SHA-256(line i)); the chain is SHA-256(c(n) + SHA-256(statement)), in hex. */
    private static String chain(List<String> lines, String statementJson) {
        byte[] link = new byte[32];
        for (String line : lines) {
            link = digest(concat(link, digest(line.getBytes(StandardCharsets.UTF_8))));
        }
        return HexFormat.of().formatHex(digest(concat(link, digest(statementJson.getBytes(StandardCharsets.UTF_8)))));
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event cannot be written as JSON", e);
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** The pack's files; a name seen twice, or a file beyond 64 MB, makes it no pack. */
    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        Set<String> seen = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!seen.add(entry.getName())) {
                    throw new IOException("two files named " + entry.getName());
                }
                files.put(entry.getName(), readAtMost(in, 64 << 20));
            }
        } catch (IOException e) {
            return Map.of();
        }
        return files;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw new IOException("a file beyond " + limit + " bytes");
        }
        return content;
    }
}
