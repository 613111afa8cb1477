package com.engagementtracker.app;

import org.junit.jupiter.api.Test;

class H2LifecycleTest extends H2HttpTest {

    @Test
    void logsAWholeEngagementOverHttpOnTheEmbeddedDatabase() {
        new LifecycleScenario(api()).run();
    }
}
