package io.cxkit.io;

import io.cxkit.core.Check;
import java.time.ZoneId;

/**
 * Options of event readers whose rows carry a time: the {@link ReaderOptions} plus the zone of
 * times written without an offset.
 *
 * @param <B> the concrete builder
 */
public abstract class TimedReaderOptions<B extends TimedReaderOptions<B>> extends ReaderOptions<B> {
    ZoneId zone = ZoneId.of("UTC");

    TimedReaderOptions() {
    }

    /**
     * The zone of times without an offset (default UTC).
     *
     * @param zone the zone
     * @return this builder
     */
    public B zone(ZoneId zone) {
        this.zone = Check.notNull(zone, "zone");
        return self();
    }
}
