package io.cxkit.io;

import java.util.HashSet;
import java.util.Set;

/** Counts the distinct values of one column in a read and fails past a {@link ReadLimit}. */
final class DistinctValues {
    private final Set<String> seen = new HashSet<>();
    private final ReadLimit limit;
    private final int max;
    private final String what;

    /**
     * @param what the values in messages, plural ("touchpoints")
     */
    DistinctValues(ReadLimit limit, int max, String what) {
        this.limit = limit;
        this.max = max;
        this.what = what;
    }

    /** Notes a value of the row at {@code line}; throws {@link BadInputException} for one too many. */
    void add(String value, String source, long line) {
        if (seen.size() < max) {
            seen.add(value);
        } else if (!seen.contains(value)) {
            throw limit.exceeded(source, line, "more than " + ReadLimit.count(max) + " distinct " + what);
        }
    }
}
