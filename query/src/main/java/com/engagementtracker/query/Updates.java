package com.engagementtracker.query;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Pushes a fresh answer to the subscription queries that watch it, building it only if one does: a
 * replay of a million events should not build a million summaries for nobody.
 */
public final class Updates {

    private Updates() {
    }

    public static <Q> void emit(QueryUpdateEmitter emitter, Class<Q> queryType, Predicate<Q> watches,
                                Supplier<?> update) {
        boolean watched = emitter.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .anyMatch(query -> queryType.isInstance(query) && watches.test(queryType.cast(query)));
        if (watched) {
            emitter.emit(queryType, watches, update.get());
        }
    }
}
