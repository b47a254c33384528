package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a reader left out under {@link ErrorPolicy#SKIP}: how many per reason, and the first few
 * rows of each reason.
 *
 * @param total number of rejected rows
 * @param counts rejected rows per reason, in order of first occurrence
 * @param examples the first rows (at most {@link #EXAMPLES_PER_REASON}) of each reason
 */
public record RejectedRows(long total, Map<String, Long> counts, Map<String, List<RowError>> examples) {

    /** How many example rows are kept per reason. */
    public static final int EXAMPLES_PER_REASON = 5;

    /**
     * Validates and copies the components.
     *
     * @param total total
     * @param counts counts
     * @param examples examples
     */
    public RejectedRows {
        Check.notNull(counts, "counts");
        Check.notNull(examples, "examples");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        Map<String, List<RowError>> e = new LinkedHashMap<>();
        examples.forEach((k, v) -> e.put(k, List.copyOf(v)));
        examples = Collections.unmodifiableMap(e);
    }

    /**
     * No rejected rows.
     *
     * @return the empty report
     */
    public static RejectedRows none() {
        return new RejectedRows(0, Map.of(), Map.of());
    }

    /**
     * Whether any row was rejected.
     *
     * @return true if {@code total > 0}
     */
    public boolean any() {
        return total > 0;
    }

    @Override
    public String toString() {
        if (total == 0) {
            return "no rejected rows";
        }
        StringBuilder sb = new StringBuilder().append(total).append(total == 1 ? " rejected row" : " rejected rows");
        counts.forEach((reason, c) -> {
            sb.append("\n  ").append(c).append(" x ").append(reason);
            for (RowError e : examples.get(reason)) {
                sb.append("\n    ").append(e);
            }
        });
        return sb.toString();
    }

    /** Collects rejections. */
    static final class Collector {
        private long total;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, List<RowError>> examples = new LinkedHashMap<>();

        void add(RowError e) {
            total++;
            counts.merge(e.reason(), 1L, Long::sum);
            List<RowError> list = examples.computeIfAbsent(e.reason(), k -> new ArrayList<>());
            if (list.size() < EXAMPLES_PER_REASON) {
                list.add(e);
            }
        }

        /** Adds the rejections of the next part of a file, whose line numbers start after {@code lines}. */
        void addAll(Collector next, long lines) {
            total += next.total;
            next.counts.forEach((reason, c) -> counts.merge(reason, c, Long::sum));
            next.examples.forEach((reason, list) -> {
                List<RowError> mine = examples.computeIfAbsent(reason, k -> new ArrayList<>());
                for (RowError e : list) {
                    if (mine.size() < EXAMPLES_PER_REASON) {
                        mine.add(new RowError(e.source(), e.line() > 0 ? e.line() + lines : 0, e.column(),
                                e.columnName(), e.value(), e.reason(), e.message()));
                    }
                }
            });
        }

        RejectedRows result() {
            return total == 0 ? none() : new RejectedRows(total, counts, examples);
        }
    }
}
