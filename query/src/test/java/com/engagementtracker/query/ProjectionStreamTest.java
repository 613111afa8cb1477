package com.engagementtracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.replay.GenericResetContext;
import org.junit.jupiter.api.Test;

class ProjectionStreamTest {

    private static final TrackingToken AT_RESET = GapAwareTrackingToken.newInstance(100, List.of());

    @Test
    void aResetEmptiesOnlyTheReadModelsItNames() {
        var seriesAndBilling = GenericResetContext.asResetContext("metric-series,billing");

        assertThat(ProjectionStream.concerns(seriesAndBilling, "metric-series")).isTrue();
        assertThat(ProjectionStream.concerns(seriesAndBilling, "billing")).isTrue();
        assertThat(ProjectionStream.concerns(seriesAndBilling, "engagement-summary")).isFalse();
        assertThat(ProjectionStream.concerns(GenericResetContext.asResetContext(null), "invoices"))
                .as("a reset without a context (Axon's own) rebuilds every read model").isTrue();
    }

    @Test
    void aReplayedEventReachesOnlyTheReadModelsBeingRebuilt() {
        TrackingToken replay = ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, null, "billing")).advancedTo(
                GapAwareTrackingToken.newInstance(42, List.of()));

        assertThat(ProjectionStream.concerns(event(replay), "billing")).isTrue();
        assertThat(ProjectionStream.concerns(event(replay), "engagement-summary")).isFalse();
        assertThat(ProjectionStream.rebuilding(replay)).isEqualTo(Set.of("billing"));
    }

    @Test
    void aRebuildIsUnderWayFromItsResetUntilItReachesTheResetsPosition() {
        // as Axon resets a processor whose first token was itself a replay from the start (its default)
        TrackingToken firstStart = ReplayToken.createReplayToken(AT_RESET, null);
        TrackingToken justReset = ReplayToken.createReplayToken(AT_RESET, firstStart, "metric-series");

        TrackingToken atTheEnd = ((ReplayToken) justReset).advancedTo(AT_RESET);

        assertThat(ProjectionStream.rebuilding(justReset)).isEqualTo(Set.of("metric-series"));
        assertThat(atTheEnd).as("Axon keeps the replay's token at the reset's position").isInstanceOf(ReplayToken.class);
        assertThat(ProjectionStream.rebuilding(atTheEnd)).as("but the rebuild is over").isEmpty();
        assertThat(ProjectionStream.concerns(event(atTheEnd), "metric-series")).as("once its last event is handled").isTrue();
        assertThat(ProjectionStream.concerns(event(atTheEnd), "billing")).isFalse();
        assertThat(ProjectionStream.rebuilding(firstStart)).as("a first start builds every read model")
                .containsExactlyInAnyOrder("engagement-summary", "metric-series", "billing", "invoices");
    }

    @Test
    void anEventAfterTheResetPositionReachesEveryReadModel() {
        TrackingToken past = ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, null, "billing")).advancedTo(
                GapAwareTrackingToken.newInstance(101, List.of()));
        TrackingToken live = GapAwareTrackingToken.newInstance(7, List.of());

        assertThat(ProjectionStream.concerns(event(past), "engagement-summary")).isTrue();
        assertThat(ProjectionStream.concerns(event(live), "engagement-summary")).isTrue();
        assertThat(ProjectionStream.rebuilding(live)).isEmpty();
    }

    private static TrackedEventMessage<?> event(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("recorded"));
    }
}
