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
    String timeFormat;

    TimedReaderOptions() {
    }

    @Override
    SourceOptions source() {
        return new SourceOptions(charset, delimiter, timeFormat, limits());
    }

    /**
     * Reads times only in this {@link java.time.format.DateTimeFormatter} pattern (English names),
     * e.g. {@code timeFormat("dd/MM/yyyy HH:mm")}; without it the common export formats are
     * recognised (ISO-8601, {@code 03/01/2024 10:10:05 AM}, {@code 01.03.2024},
     * {@code 2024-03-01 14:22:10 -0800}, epoch seconds; see {@code docs/exports.md}).
     *
     * @param pattern the pattern
     * @return this builder
     * @throws IllegalArgumentException for a pattern that is not one
     */
    public B timeFormat(String pattern) {
        Check.notNull(pattern, "pattern");
        Timestamps.formatter(pattern);
        this.timeFormat = pattern;
        return self();
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
