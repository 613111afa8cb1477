package com.engagementtracker.command.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bench code only, never in the product: the honest limit of one fact per request ({@code http_insert_per_s}).
 * The product's path and request body ({@link EngagementRequests.RecordMetric}, with its validation), on the same web
 * stack (Spring MVC, Jackson, Tomcat, Hikari) and the same JVM flags, doing one durable single-row insert and
 * nothing else: no sign-in, no aggregate, no event store, no projection.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@RestController
public class HttpInsertEndpoint {

    /** The table the bench creates before it starts this endpoint. */
    public static final String TABLE = """
            create table if not exists bench_http_insert (id varchar(36) primary key, engagement_id varchar(64) not null,
                metric_id varchar(64) not null, value numeric not null, unit varchar(64), date date not null,
                source varchar(255), recorded_by varchar(64))""";

    private final JdbcTemplate jdbc;

    HttpInsertEndpoint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/api/engagements/{id}/metrics/{metricId}/recordings")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> record(@PathVariable String id, @PathVariable String metricId,
                               @Valid @RequestBody EngagementRequests.RecordMetric body) {
        String recordingId = UUID.randomUUID().toString();
        jdbc.update("insert into bench_http_insert (id, engagement_id, metric_id, value, unit, date, source, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", recordingId, id, metricId, body.value(), body.unit(),
                body.date(), body.source(), body.recordedBy());
        return Map.of("id", recordingId);
    }

    /** What the harness waits for before it sends load, as it does for the app. */
    @GetMapping("/actuator/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    public static void main(String[] args) {
        SpringApplication.run(HttpInsertEndpoint.class, args);
    }
}
