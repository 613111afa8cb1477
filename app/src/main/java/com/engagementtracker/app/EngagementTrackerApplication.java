package com.engagementtracker.app;

import com.engagementtracker.command.backup.EventStoreBackup;
import com.engagementtracker.command.evidence.EvidencePack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The product. {@code java -jar app.jar} serves it; {@code verify-evidence PACK.zip [--public-key KEY]} checks a
 * statement's evidence pack offline ({@link EvidencePack}); two commands move its history without serving:
 * {@code export-events FILE} writes the event store of a stopped app to a gzipped JSON-lines file (a running
 * app exports through {@code GET /api/admin/event-store/export}), and {@code import-events FILE} loads such a
 * file into an empty store, the one the usual settings (profile, {@code DB_URL}) name.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.engagementtracker", excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM,
        classes = WebOnly.class))
public class EngagementTrackerApplication {

    public static void main(String[] args) throws IOException {
        // Axon's update checker calls the vendor and writes under ~/.axoniq: this product never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        if (args.length >= 1 && (args[0].equals("export-events") || args[0].equals("import-events"))) {
            System.exit(transferCommand(args));
        }
        if (args.length >= 1 && args[0].equals("verify-evidence")) {
            // offline, for a customer's auditor: no server, no database, only the pack (and the key, if given)
            System.exit(EvidencePack.verifyCommand(args, System.out));
        }
        SpringApplication.run(EngagementTrackerApplication.class, args);
    }

    private static int transferCommand(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java -jar app.jar " + args[0] + " FILE [--spring.profiles.active=... ...]");
            return 2;
        }
        try {
            long events = transfer(args[0], Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
            System.out.println((args[0].equals("export-events") ? "exported " : "imported ") + events + " events");
            return 0;
        } catch (IOException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            System.err.println(args[0] + " failed: " + cause.getMessage());
            return 1;
        }
    }

    /** Runs one of the two transfer commands in a context without a web server; returns how many events moved. */
    static long transfer(String command, Path file, String... springArguments) throws IOException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EngagementTrackerApplication.class)
                .web(WebApplicationType.NONE).run(springArguments)) {
            EventStoreBackup backup = app.getBean(EventStoreBackup.class);
            if (command.equals("export-events")) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    return backup.export(out);
                }
            }
            return backup.importFrom(file);
        }
    }
}
