package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A CSV import of 50,000 rows for five engagements, sent in chunks as it is generated, so that neither side holds the
 * file; in a database of its own, closed afterwards, so that its read models' catching up slows no other test.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:large-import;DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LargeImportTest extends H2HttpTest {

    @Test
    void importsFiftyThousandRowsSentInChunks() throws Exception {
        List<String> engagements = List.of(new LifecycleScenario(api()).openAndStart(), new LifecycleScenario(api()).openAndStart(),
                new LifecycleScenario(api()).openAndStart(), new LifecycleScenario(api()).openAndStart(),
                new LifecycleScenario(api()).openAndStart());
        // generated line by line while it is sent: neither side holds the file
        Supplier<InputStream> file = () -> new SequenceInputStream(new Enumeration<>() {
            int line = -1;

            @Override
            public boolean hasMoreElements() {
                return line < 50_000;
            }

            @Override
            public InputStream nextElement() {
                String text = line < 0 ? "engagementId,metricId,date,value,source,externalId\r\n"
                        : engagements.get(line / 10_000) + ",stockouts," + LocalDate.parse("2026-06-14").minusDays(line % 150)
                        + "," + (line % 40) + ",ERP,row-" + line + "\r\n";
                line++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        });
        JsonNode report = RecordingImportHttpTest.send(port, HttpRequest.BodyPublishers.ofInputStream(file), "text/csv").json();
        assertThat(report.get("stored").asInt()).isEqualTo(50_000);
        assertThat(report.get("refusedLines").asInt()).isZero();
        assertThat(report.get("engagements")).hasSize(5);
        assertThat(report.get("engagements").get(4).get("stored").asInt()).isEqualTo(10_000);
    }

}
