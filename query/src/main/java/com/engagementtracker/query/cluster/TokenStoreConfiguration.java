package com.engagementtracker.query.cluster;

import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the projections keep their positions: the token store, in the read models' own database. */
@Configuration
class TokenStoreConfiguration {

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
}
