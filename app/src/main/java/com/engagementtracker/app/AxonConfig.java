package com.engagementtracker.app;

import com.engagementtracker.command.EventJson;
import com.engagementtracker.query.cluster.SegmentBalance;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;

/** The application's one configuration class: the clock, event serialization, and how the HTTP API writes numbers. */
@Configuration
// Our entities plus the Axon ones we use: the JPA event store, the token store and the dead letters (no sagas).
@EntityScan(basePackages = {"com.engagementtracker", "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa", "org.axonframework.eventhandling.deadletter.jpa"})
@EnableJpaRepositories(basePackages = "com.engagementtracker")
class AxonConfig {

    /** The one source of "today"; tests replace it. Business dates are UTC calendar dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Event processors claim their segments in the token store under this node's name
     * ({@code engagement.node-id}, or the JVM's {@code pid@host}), so that several nodes on one database
     * each hold their own claims.
     */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagers, Serializer serializer,
                          @Value("${engagement.node-id:}") String nodeId,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JpaTokenStore.builder().entityManagerProvider(entityManagers).serializer(serializer)
                .nodeId(SegmentBalance.nodeId(nodeId)).claimTimeout(claimTimeout).build();
    }

    /** The Jackson 2 mapper Axon serializes events, snapshots and tokens with (Axon looks it up by this name). */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * How the HTTP API reads and writes JSON. Amounts, percentages and metric values are written as decimal
     * strings, never floats. A request naming a field the API does not know (a typo such as
     * {@code allocationPercnet}) or an enum by its position instead of its name is refused, not half-read.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestsAndDecimalsAsStrings() {
        SimpleModule module = new SimpleModule("decimals-as-strings");
        module.addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(value.toPlainString());
            }
        });
        return builder -> builder.addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
