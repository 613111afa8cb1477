package com.engagementtracker.app;

import org.junit.jupiter.api.Test;

/** {@link RecordingBatchHttpTest}'s batches, on PostgreSQL. */
class PostgresRecordingBatchTest extends PostgresHttpTest {

    @Test
    void batchesOfRecordingsOverHttp() {
        RecordingBatchHttpTest.recordInBatches(api());
    }
}
