package com.engagementtracker.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "com.engagementtracker")
public class EngagementTrackerApplication {

    public static void main(String[] args) {
        // Axon's update checker calls the vendor and writes under ~/.axoniq: this product never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(EngagementTrackerApplication.class, args);
    }
}
