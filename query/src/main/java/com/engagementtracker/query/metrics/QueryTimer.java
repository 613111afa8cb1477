package com.engagementtracker.query.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;

/**
 * How long each query takes to answer on this node, in Prometheus as {@code engagement_queries_seconds{query,outcome}}
 * (a summary with its 0.5, 0.95 and 0.99 quantiles). Axon's own query-bus metrics stay empty in this setup, so the
 * read side times its query handlers itself.
 */
@Component
class QueryTimer {

    QueryTimer(QueryBus queryBus, MeterRegistry registry) {
        queryBus.registerHandlerInterceptor(timed(registry));
    }

    private static MessageHandlerInterceptor<QueryMessage<?, ?>> timed(MeterRegistry registry) {
        return (unitOfWork, chain) -> {
            Timer.Sample sample = Timer.start(registry);
            String outcome = "failure";
            try {
                Object answer = chain.proceed();
                outcome = "success";
                return answer;
            } finally {
                sample.stop(Timer.builder("engagement.queries").description("time to answer a query on this node")
                        .tag("query", unitOfWork.getMessage().getPayloadType().getSimpleName()).tag("outcome", outcome)
                        .publishPercentiles(0.5, 0.95, 0.99).register(registry));
            }
        };
    }
}
