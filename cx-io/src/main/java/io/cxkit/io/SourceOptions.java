package io.cxkit.io;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * How a reader turns bytes into rows and cells into times: the CSV charset and delimiter (0:
 * detected) and the time pattern (null: the common formats of {@link Timestamps}).
 *
 * @param charset the CSV charset
 * @param delimiter the CSV delimiter, 0 to detect it
 * @param timeFormat the only accepted time pattern, or null
 */
record SourceOptions(Charset charset, char delimiter, String timeFormat) {
    /** UTF-8, detected delimiter, the common time formats. */
    static final SourceOptions DEFAULT = new SourceOptions(StandardCharsets.UTF_8, (char) 0, null);

    /** Rows of a stream, with the readers' limits (fields up to 1,000,000 characters, JSON depth 32). */
    RowSource open(InputStream in, String source, InputFormat format) {
        return RowSources.open(in, source, format, charset, delimiter, 1_000_000, 32);
    }

    /** The time parser for a zone. */
    Timestamps timestamps(ZoneId zone) {
        return new Timestamps(zone, timeFormat);
    }
}
