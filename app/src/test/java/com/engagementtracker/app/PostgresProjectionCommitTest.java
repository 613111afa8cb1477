package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.query.ProjectionStream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a PostgreSQL that waits for the disk at every commit, as production does: the projections' transactions do
 * not wait, the others (commands among them) still do.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@Import(TestClock.class)
@DirtiesContext
class PostgresProjectionCommitTest {

    private static final EmbeddedPostgres POSTGRES =
            PostgresHttpTest.start(EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on"));

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresHttpTest.use(POSTGRES, registry);
    }

    @Test
    void onlyTheProjectionsCommitWithoutWaitingForTheDisk() {
        for (String projection : ProjectionStream.PROJECTIONS) {
            assertThat(synchronousCommitIn(processing.transactionManager(projection))).as(projection).isEqualTo("off");
        }
        assertThat(synchronousCommitIn(transactions)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }

    private String synchronousCommitIn(TransactionManager manager) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.queryForObject("show synchronous_commit", String.class);
        } finally {
            transaction.commit();
        }
    }
}
