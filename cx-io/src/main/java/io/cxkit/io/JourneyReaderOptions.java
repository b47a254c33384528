package io.cxkit.io;

import io.cxkit.core.Check;

/**
 * Options of the readers of touchpoint events: the {@link TimedReaderOptions} plus a limit on
 * distinct touchpoints ({@link ReadLimit#TOUCHPOINTS}).
 *
 * @param <B> the concrete builder
 */
public abstract class JourneyReaderOptions<B extends JourneyReaderOptions<B>> extends TimedReaderOptions<B> {
    int maxTouchpoints = ReadLimit.TOUCHPOINTS.defaultValue();

    JourneyReaderOptions() {
    }

    /**
     * The most distinct touchpoint names one read may find (default 100,000). What is built from the
     * events (paths, transition graphs, attribution chains) grows with the touchpoints; a column of
     * ids or URLs read as touchpoints would otherwise exhaust memory. A file with more fails with
     * {@code "too many touchpoints"}.
     *
     * @param touchpoints the limit, in [1, 100,000,000]
     * @return this builder
     */
    public B maxTouchpoints(int touchpoints) {
        this.maxTouchpoints = Check.inRange(touchpoints, 1, 100_000_000, "maxTouchpoints");
        return self();
    }
}
