package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image recipe builds from what the build makes: run after the jars are packaged, so that a new version or a
 * renamed module cannot leave an image building from a file that is not there. The Dockerfile copies the jar its
 * {@code JAR} argument names (the app's by default); the compose files name the command and query services' jars
 * in that argument. (The compose files and the Prometheus configuration themselves are checked by {@code .ci/run}
 * with docker-compose and promtool.)
 */
class DockerFilesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEFAULT_JAR = Pattern.compile("(?m)^ARG JAR=(\\S+)$");
    private static final Pattern COMPOSE_JAR = Pattern.compile("(?m)^\\s+JAR: (\\S+)$");

    @Test
    void everyJarAnImageIsBuiltFromIsBuilt() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY ${JAR} ");
        List<String> jars = new ArrayList<>(matches(DEFAULT_JAR, dockerfile));
        assertThat(jars).as("the Dockerfile's default").containsExactly("app/target/app-0.1.0-SNAPSHOT.jar");
        try (var files = Files.list(ROOT.resolve("docker"))) {
            for (Path compose : files.filter(file -> file.getFileName().toString().startsWith("compose")).toList()) {
                jars.addAll(matches(COMPOSE_JAR, Files.readString(compose)));
            }
        }
        assertThat(jars).contains("command/target/command-0.1.0-SNAPSHOT-exec.jar", "query/target/query-0.1.0-SNAPSHOT-exec.jar");
        for (String jar : jars) {
            assertThat(ROOT.resolve(jar)).as("an image is built from " + jar).isRegularFile();
        }
    }

    /**
     * Out of heap, a JVM of ours exits instead of carrying on with dead threads, and every compose service built from
     * our Dockerfile is restarted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void ourContainersExitOnOutOfMemoryAndAreRestarted() throws Exception {
        assertThat(Files.readString(ROOT.resolve("docker/Dockerfile"))).contains("-XX:+ExitOnOutOfMemoryError");
        List<String> built = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve("docker"))) {
            for (Path compose : files.filter(file -> file.getFileName().toString().startsWith("compose")).toList()) {
                Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(
                        Files.readString(compose)).get("services");
                services.forEach((name, definition) -> {
                    Map<String, Object> service = (Map<String, Object>) definition;
                    if (service.containsKey("build")) {
                        built.add(compose.getFileName() + " " + name);
                        assertThat(service.get("restart")).as(compose.getFileName() + " " + name).isEqualTo("unless-stopped");
                    }
                });
            }
        }
        assertThat(built).contains("compose.app.yaml app", "compose.yaml command", "compose.cluster.yaml app-a");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
