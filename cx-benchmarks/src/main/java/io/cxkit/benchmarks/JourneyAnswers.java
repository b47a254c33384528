package io.cxkit.benchmarks;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.TouchpointCredit;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.TopPaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outputs every journey approach must agree on before it is timed: the funnel's counts per
 * channel, the top path variants, and the order-1 Markov credits. Counts must be equal; credits
 * agree to a relative 1e-9 (two different linear solvers).
 */
public final class JourneyAnswers {
    private JourneyAnswers() {
    }

    /**
     * Funnel counts per channel: journeys, then journeys reaching each step.
     *
     * @param byChannel channel name → {journeys, reached step 1, …, reached step k}
     */
    public record FunnelCounts(Map<String, long[]> byChannel) {
        /**
         * Copies the map into channel order.
         *
         * @param byChannel see the record
         */
        public FunnelCounts {
            byChannel = new TreeMap<>(byChannel);
        }

        /**
         * The counts of a cxkit funnel segmented by channel name.
         *
         * @param r the result
         * @return the counts
         */
        public static FunnelCounts of(SegmentedResult<FunnelResult> r) {
            Map<String, long[]> m = new TreeMap<>();
            for (Map.Entry<SegmentKey, FunnelResult> e : r.asMap().entrySet()) {
                FunnelResult f = e.getValue();
                long[] c = new long[f.steps().size() + 1];
                c[0] = f.journeys();
                for (int s = 0; s < f.steps().size(); s++) {
                    c[s + 1] = f.steps().get(s).entered();
                }
                m.put(e.getKey().label(), c);
            }
            return new FunnelCounts(m);
        }

        /**
         * Throws unless {@code other} has the same channels and counts.
         *
         * @param name the approach checked, for the message
         * @param other its counts
         * @throws IllegalStateException if they differ
         */
        public void requireSame(String name, FunnelCounts other) {
            if (!byChannel.keySet().equals(other.byChannel.keySet())) {
                throw new IllegalStateException(name + ": funnel channels differ: " + byChannel.keySet() + " vs "
                        + other.byChannel.keySet());
            }
            byChannel.forEach((ch, c) -> {
                if (!Arrays.equals(c, other.byChannel.get(ch))) {
                    throw new IllegalStateException(name + ": funnel counts for channel " + ch + " differ: "
                            + Arrays.toString(c) + " vs " + Arrays.toString(other.byChannel.get(ch)));
                }
            });
        }

        /**
         * Journeys counted over all channels.
         *
         * @return the total
         */
        public long journeys() {
            return byChannel.values().stream().mapToLong(c -> c[0]).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("FunnelCounts[");
            byChannel.forEach((ch, c) -> sb.append(ch).append('=').append(Arrays.toString(c)).append(' '));
            return sb.append(']').toString();
        }
    }

    /**
     * The most frequent whole-journey path variants, most frequent first, ties by label.
     *
     * @param journeys journeys counted
     * @param labels the variants as {@code a > b > c}
     * @param counts their journey counts
     */
    public record TopVariants(long journeys, List<String> labels, List<Long> counts) {
        /**
         * Copies the lists.
         *
         * @param journeys see the record
         * @param labels see the record
         * @param counts see the record
         */
        public TopVariants {
            labels = List.copyOf(labels);
            counts = List.copyOf(counts);
        }

        /**
         * The variants of cxkit's top paths.
         *
         * @param top the top paths
         * @return the variants
         */
        public static TopVariants of(TopPaths top) {
            List<String> labels = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (PathCount p : top.top()) {
                labels.add(p.label());
                counts.add(p.count());
            }
            return new TopVariants(top.journeys(), labels, counts);
        }

        /**
         * Throws unless {@code other} lists the same variants with the same counts in the same order.
         *
         * @param name the approach checked, for the message
         * @param other its variants
         * @throws IllegalStateException if they differ
         */
        public void requireSame(String name, TopVariants other) {
            if (!equals(other)) {
                throw new IllegalStateException(name + ": top path variants differ:\n" + this + "\nvs\n" + other);
            }
        }
    }

    /**
     * Markov (order 1) credits per touchpoint: conversions, value, removal effects.
     *
     * @param conversions converting journeys
     * @param totalValue their total value
     * @param credits touchpoint → {conversion credit, value credit, removal effect, value removal effect}
     */
    public record MarkovCredits(long conversions, double totalValue, Map<String, double[]> credits) {
        /**
         * Copies the map into touchpoint order.
         *
         * @param conversions see the record
         * @param totalValue see the record
         * @param credits see the record
         */
        public MarkovCredits {
            credits = new TreeMap<>(credits);
        }

        /**
         * The credits of cxkit's Markov result.
         *
         * @param r the result (model MARKOV)
         * @return the credits
         */
        public static MarkovCredits of(AttributionModelResult r) {
            Map<String, double[]> m = new TreeMap<>();
            for (TouchpointCredit c : r.credits()) {
                m.put(c.touchpoint(), new double[] {c.conversions(), c.value(), c.removalEffect(),
                    c.valueRemovalEffect()});
            }
            return new MarkovCredits(r.conversions(), r.totalValue(), m);
        }

        /**
         * Throws unless {@code other} has the same conversions and touchpoints, and credits within a
         * relative 1e-9.
         *
         * @param name the approach checked, for the message
         * @param other its credits
         * @throws IllegalStateException if they differ
         */
        public void requireSame(String name, MarkovCredits other) {
            if (conversions != other.conversions || !close(totalValue, other.totalValue)
                    || !credits.keySet().equals(other.credits.keySet())) {
                throw new IllegalStateException(name + ": Markov totals or touchpoints differ: " + this + " vs "
                        + other);
            }
            credits.forEach((t, c) -> {
                double[] o = other.credits.get(t);
                for (int i = 0; i < c.length; i++) {
                    if (!close(c[i], o[i])) {
                        throw new IllegalStateException(name + ": Markov credit " + i + " of " + t + " differs: "
                                + c[i] + " vs " + o[i]);
                    }
                }
            });
        }

        private static boolean close(double a, double b) {
            return Double.isNaN(a) ? Double.isNaN(b) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
        }

        @Override
        public String toString() {
            return "MarkovCredits[" + conversions + " conversions, value " + totalValue + ", " + credits.size()
                    + " touchpoints]";
        }
    }
}
