package com.engagementtracker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Axon Server SE, started from the jar the environment variable {@code AXONSERVER_JAR} names, in a scratch
 * directory of its own on free ports; {@code .ci/run} sets the variable where the jar is installed. The jar is never
 * part of this repository.
 */
final class AxonServerProcess implements AutoCloseable {

    static final String HOW_TO_ENABLE = "no Axon Server: set AXONSERVER_JAR to an Axon Server SE jar "
            + "(for example axonserver-se-2023.2.1.jar) to run the tests against a real Axon Server";

    private final Process process;
    private final Path directory;
    private final int grpcPort;
    private final int httpPort;

    private AxonServerProcess(Process process, Path directory, int grpcPort, int httpPort) {
        this.process = process;
        this.directory = directory;
        this.grpcPort = grpcPort;
        this.httpPort = httpPort;
    }

    /** The jar to run, when the environment names one that exists. */
    static Optional<Path> jar() {
        return Optional.ofNullable(System.getenv("AXONSERVER_JAR")).filter(name -> !name.isBlank()).map(Path::of)
                .filter(Files::isRegularFile);
    }

    /** Starts Axon Server and waits until its health endpoint answers UP. */
    static AxonServerProcess start(Path jar) {
        try {
            Path directory = Files.createTempDirectory("axonserver-");
            int grpcPort = freePort();
            int httpPort = freePort();
            Files.writeString(directory.resolve("axonserver.properties"), """
                    axoniq.axonserver.name=axonserver-test
                    axoniq.axonserver.hostname=localhost
                    axoniq.axonserver.port=%d
                    server.port=%d
                    server.address=127.0.0.1
                    axoniq.axonserver.standalone=true
                    axoniq.axonserver.devmode.enabled=true
                    axoniq.axonserver.event.storage=./data/events
                    axoniq.axonserver.snapshot.storage=./data/events
                    axoniq.axonserver.controldb-path=./data
                    axoniq.axonserver.pid-file-location=./data
                    logging.file.name=./axonserver.log
                    """.formatted(grpcPort, httpPort));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                    .directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("console.log").toFile()).start();
            AxonServerProcess server = new AxonServerProcess(process, directory, grpcPort, httpPort);
            server.awaitUp(Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code axon.axonserver.servers} names. */
    String servers() {
        return "localhost:" + grpcPort;
    }

    /** A GET on Axon Server's own HTTP API, such as {@code /v1/events?aggregateId=ID}. */
    String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitUp(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Axon Server stopped while starting; see " + directory.resolve("console.log"));
            }
            try {
                if (get("/actuator/health").startsWith("200 ") && get("/actuator/health").contains("\"UP\"")) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // connection refused until its web server is up
            }
            AppProcess.sleep(500);
        }
        close();
        throw new IllegalStateException("Axon Server did not come up within " + patience + "; see " + directory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
