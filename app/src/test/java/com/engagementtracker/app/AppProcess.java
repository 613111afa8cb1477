package com.engagementtracker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a user runs it: {@code java -jar app.jar} in a working directory of its own (where the
 * embedded default keeps {@code ./data}), as its own operating-system process that a test can kill.
 */
final class AppProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "app-0.1.0-SNAPSHOT.jar").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code directory} with these arguments and environment, and waits until it is healthy. */
    static AppProcess start(Path directory, Map<String, String> environment, String... arguments) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile(directory, "app-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString(),
                    "--server.port=" + port));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            AppProcess app = new AppProcess(builder.start(), log, port);
            app.awaitHealthy(Duration.ofSeconds(120));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return new Api(port);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the process gets no chance to flush, close or release anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code. */
    int terminate() {
        process.destroy();
        return awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the app did not stop within 60 s; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped while starting:\n" + log());
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until the web server is up
            }
            sleep(200);
        }
        throw new IllegalStateException("the app did not become healthy within " + patience + ":\n" + log());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
