package com.engagementtracker.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on a real PostgreSQL 17, started from Maven artifacts (no Docker), with the production profile.
 * One server for the whole test run; subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import(TestClock.class)
abstract class PostgresHttpTest {

    static final EmbeddedPostgres POSTGRES = start(EmbeddedPostgres.builder());

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** A server for the rest of the test run, stopped when the JVM exits. */
    static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        use(POSTGRES, registry);
    }

    /** The app on that server, with the demo users. */
    static void use(EmbeddedPostgres postgres, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("engagement.security.demo-users", () -> "true");
    }

    Api api() {
        return new Api(port);
    }
}
