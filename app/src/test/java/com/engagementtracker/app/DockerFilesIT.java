package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles copy what the build makes: run after the jar is packaged, so that a new version or a
 * renamed module cannot leave an image building from a file that is not there. (The compose files and the
 * Prometheus configuration are checked by {@code .ci/run} with docker-compose and promtool.)
 */
class DockerFilesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(\\S+)\\s+\\S+$");

    @Test
    void everyFileADockerfileCopiesIsBuilt() throws Exception {
        List<Path> dockerfiles;
        try (var files = Files.list(ROOT.resolve("docker"))) {
            dockerfiles = files.filter(file -> file.getFileName().toString().startsWith("Dockerfile")).toList();
        }
        assertThat(dockerfiles).isNotEmpty();
        for (Path dockerfile : dockerfiles) {
            List<String> copies = Files.readAllLines(dockerfile).stream().map(String::trim).map(COPY::matcher)
                    .filter(Matcher::matches).map(copy -> copy.group(1)).toList();
            assertThat(copies).as(dockerfile + " copies the app").isNotEmpty();
            for (String source : copies) {
                assertThat(ROOT.resolve(source)).as(dockerfile + ": COPY " + source).isRegularFile();
            }
        }
    }
}
