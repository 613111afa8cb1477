package com.engagementtracker.query;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a fresh answer to the subscription queries that watch it, building it only if one does: a
 * replay of a million events should not build a million summaries for nobody.
 * <p>
 * The projections insert each new row with {@code persist}: one statement, sent in a JDBC batch, instead of
 * {@code merge}, which first asks the database whether the row exists (a round trip per recording). That is
 * right because a row is only ever inserted by the event that created it, and an event is handled again
 * only after its first attempt left nothing behind: a replay starts from emptied tables, a failed batch rolls
 * back with the projection's position, and a handler that throws before its insert is set aside as a dead
 * letter and retried. So nothing may throw after the insert: an update that cannot be built is logged and
 * skipped here (the subscriber gets the next one, and the read model itself is right).
 */
public final class Updates {

    private static final Logger LOG = LoggerFactory.getLogger(Updates.class);

    private Updates() {
    }

    public static <Q> void emit(QueryUpdateEmitter emitter, Class<Q> queryType, Predicate<Q> watches,
                                Supplier<?> update) {
        try {
            boolean watched = emitter.activeSubscriptions().stream()
                    .map(subscription -> subscription.getPayload())
                    .anyMatch(query -> queryType.isInstance(query) && watches.test(queryType.cast(query)));
            if (watched) {
                emitter.emit(queryType, watches, update.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not push an update of {} to its subscribers; they get the next one", queryType.getSimpleName(), e);
        }
    }
}
