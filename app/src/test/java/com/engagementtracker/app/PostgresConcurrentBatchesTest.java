package com.engagementtracker.app;

import org.junit.jupiter.api.Test;

/** {@link ConcurrentBatchesTest}'s concurrent batches, on PostgreSQL. */
class PostgresConcurrentBatchesTest extends PostgresHttpTest {

    @Test
    void concurrentBatchesOfTenThousandRowsAllReachTheReadModels() throws Exception {
        ConcurrentBatchesTest.sendConcurrently(api(), jdbc);
    }
}
