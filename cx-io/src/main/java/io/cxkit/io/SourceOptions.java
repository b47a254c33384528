package io.cxkit.io;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * How a reader turns bytes into rows and cells into times: the CSV charset and delimiter (0:
 * detected), the time pattern (null: the common formats of {@link Timestamps}) and the per-row
 * {@link ReadLimit limits} of the source.
 *
 * @param charset the CSV charset
 * @param delimiter the CSV delimiter, 0 to detect it
 * @param timeFormat the only accepted time pattern, or null
 * @param limits the per-row limits (field length, JSON depth, fields or keys per row)
 */
record SourceOptions(Charset charset, char delimiter, String timeFormat, SourceLimits limits) {
    /** UTF-8, detected delimiter, the common time formats, the default limits. */
    static final SourceOptions DEFAULT = new SourceOptions(StandardCharsets.UTF_8, (char) 0, null,
            SourceLimits.DEFAULT);

    /** Rows of a stream (the header must not repeat a name), within this source's limits. */
    RowSource open(InputStream in, String source, InputFormat format) {
        return RowSources.open(in, source, format, charset, delimiter, limits);
    }

    /** The time parser for a zone. */
    Timestamps timestamps(ZoneId zone) {
        return new Timestamps(zone, timeFormat);
    }
}
