package com.engagementtracker.app;

import org.junit.jupiter.api.Test;

/** {@link RecordingImportHttpTest}'s ERP export, imported into PostgreSQL. */
class PostgresRecordingImportTest extends PostgresHttpTest {

    @Test
    void importsAnErpExportEngagementByEngagement() throws Exception {
        RecordingImportHttpTest.importAnErpExport(api(), port);
    }
}
