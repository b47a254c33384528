package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the event readers whose fields are found by header name: the
 * {@link TimedReaderOptions} plus explicitly named columns, keyed by the lower-case field names of
 * the reader's {@code Field} enum.
 *
 * @param <B> the concrete builder
 */
public abstract class EventReaderOptions<B extends EventReaderOptions<B>> extends TimedReaderOptions<B> {
    final Map<String, String> explicit = new LinkedHashMap<>();
    private final List<String> keys;

    EventReaderOptions(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Names the column of the field with this key (the reader's typed {@code column} calls it). */
    B putColumn(String key, String column) {
        explicit.put(key, columnName(key, column));
        return self();
    }

    /**
     * Names columns from {@code field=column} pairs separated by commas, e.g.
     * {@code "ticket=Number,customer=Requester id"}; fields are the lower-case names of the reader's
     * {@code Field} values.
     *
     * @param spec the pairs
     * @return this builder
     * @throws IllegalArgumentException for an unknown field or a pair without {@code =}
     */
    public B columns(String spec) {
        explicit.putAll(EventColumns.parse(Check.notNull(spec, "spec"), keys));
        return self();
    }
}
