package com.engagementtracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CommandCorrelationTest {

    private static final MetaData STAMP = MetaData.from(Map.of("actor", "finance", "role", "FINANCE",
            "traceId", "onboarding-42", "unrelated", "left out"));

    private final CommandCorrelation correlation = new CommandCorrelation();

    @Test
    void aCommandsSenderAndOriginCarryOverToTheEventsItCauses() {
        CommandMessage<?> command = new GenericCommandMessage<>("open").withMetaData(STAMP);

        assertThat(correlation.whoCausedIt().correlationDataFor(command))
                .isEqualTo(Map.of("actor", "finance", "role", "FINANCE"));
        assertThat(correlation.messageOrigin().correlationDataFor(command))
                .isEqualTo(Map.of("correlationId", command.getIdentifier(), "traceId", "onboarding-42"));
    }

    @Test
    void anEventBeingProjectedLendsNothingToWhatItsHandlersCreate() {
        EventMessage<?> event = GenericEventMessage.asEventMessage("recorded").withMetaData(STAMP);

        assertThat(correlation.whoCausedIt().correlationDataFor(event)).isEmpty();
        assertThat(correlation.messageOrigin().correlationDataFor(event)).isEmpty();
    }
}
