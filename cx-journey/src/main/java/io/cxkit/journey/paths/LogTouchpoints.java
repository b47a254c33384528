package io.cxkit.journey.paths;

import io.cxkit.journey.EventLog;
import java.util.function.ToIntFunction;

/**
 * Maps the touchpoint ids of the {@link EventLog} being counted to an accumulator's own ids: each
 * log id is looked up by name once per log, then read from an {@code int[]}. So accumulators fed
 * from logs with different dictionaries keep one numbering and combine by name.
 */
final class LogTouchpoints {
    private final ToIntFunction<String> idOf;
    private EventLog log;
    private int[] ids = new int[0]; // log id -> own id + 1; 0 = not yet looked up

    /** @param idOf the accumulator's id of a touchpoint name (adding it if new) */
    LogTouchpoints(ToIntFunction<String> idOf) {
        this.idOf = idOf;
    }

    /** Prepares to map the touchpoints of {@code journeyLog} (a no-op for the same log as before). */
    void use(EventLog journeyLog) {
        if (journeyLog != log) {
            log = journeyLog;
            ids = new int[journeyLog.touchpoints().size()];
        }
    }

    /** The accumulator's id of touchpoint {@code t} of the current log. */
    int id(int t) {
        int id = ids[t] - 1;
        if (id < 0) {
            id = idOf.applyAsInt(log.touchpoints().name(t));
            ids[t] = id + 1;
        }
        return id;
    }
}
