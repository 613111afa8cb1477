package com.engagementtracker.command;

import com.engagementtracker.api.AuditMetadata;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an event carries over from the command that caused it: the command's id as {@code correlationId}, the request's as
 * {@code traceId} (Axon's message origin), and who sent it ({@code actor}, {@code role}). Here, for the app and the
 * command service alike, since the command handlers of either stamp the events.
 * <p>
 * Axon copies correlation data into every message created while another one is handled, and that includes the
 * result of each event handler call: in a projection, each event's metadata was read (deserialized) per read model
 * only to stamp a result nobody reads, a sixth of a replay's time. So only commands are correlated.
 */
@Configuration
public class CommandCorrelation {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return fromCommands(new MessageOriginProvider());
    }

    @Bean
    CorrelationDataProvider whoCausedIt() {
        return fromCommands(new SimpleCorrelationDataProvider(AuditMetadata.ACTOR, AuditMetadata.ROLE));
    }

    static CorrelationDataProvider fromCommands(CorrelationDataProvider provider) {
        return message -> message instanceof CommandMessage ? provider.correlationDataFor(message) : Map.of();
    }
}
