package com.engagementtracker.query.cluster;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Several nodes on one database share each projection's segments. Every node says it is alive (a row in
 * {@code cluster_node}, renewed every few seconds); a node that holds more than its fair share of a
 * projection's segments (the segments divided by the live nodes, rounded up) lets the extra go for a while,
 * and a node with free threads claims what nobody holds. So a new node gets work, and when a node stops,
 * the others take its segments over.
 */
@Component
@ConditionalOnProperty(name = "engagement.cluster.balance-segments", havingValue = "true")
public class SegmentBalance {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalance.class);
    /** A node not heard of for this long is gone. */
    private static final Duration ALIVE = Duration.ofSeconds(15);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final String node;

    SegmentBalance(EventProcessingConfiguration processing, TokenStore tokens, JdbcTemplate jdbc,
                   @Value("${engagement.node-id:}") String nodeId) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.node = nodeId(nodeId);
    }

    /** The name this node claims segments under: the configured one, or the JVM's {@code pid@host}. */
    public static String nodeId(String configured) {
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    @Scheduled(fixedDelayString = "${engagement.cluster.balance-interval:3s}", initialDelayString = "1s")
    public void balance() {
        // wall-clock time, not the business clock: liveness is about now, whatever "today" tests pretend
        Instant now = Instant.now();
        if (jdbc.update("update cluster_node set seen_at = ? where node_id = ?", Timestamp.from(now), node) == 0) {
            jdbc.update("insert into cluster_node (node_id, seen_at) values (?, ?)", node, Timestamp.from(now));
        }
        Integer live = jdbc.queryForObject("select count(*) from cluster_node where seen_at > ?", Integer.class,
                Timestamp.from(now.minus(ALIVE)));
        int nodes = Math.max(1, live == null ? 1 : live);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            int segments = tokens.fetchSegments(processor.getName()).length;
            int fair = (segments + nodes - 1) / nodes;
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
            for (int extra = mine.size() - 1; extra >= fair; extra--) {
                LOG.info("{}: {} holds {} of {} segments with {} nodes alive; letting segment {} go", processor.getName(), node,
                        mine.size(), segments, nodes, mine.get(extra));
                processor.releaseSegment(mine.get(extra), ALIVE.toSeconds(), TimeUnit.SECONDS);
            }
        }
        jdbc.update("delete from cluster_node where seen_at < ?", Timestamp.from(now.minus(Duration.ofHours(1))));
    }
}
