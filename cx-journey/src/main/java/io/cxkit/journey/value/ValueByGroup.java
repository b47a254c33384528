package io.cxkit.journey.value;

import io.cxkit.core.Comparison;
import io.cxkit.core.Moments;
import io.cxkit.core.TwoSampleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Experience linked to value: per-customer values grouped by a label (NPS group, CSAT band,
 * segment), with means, t intervals and Welch differences against a reference group, and the value
 * at risk.
 *
 * <p>The intervals are over customers (the group's customers as a sample of such customers), with
 * the per-customer predictions taken as given: parameter uncertainty, common to every group, is in
 * {@link LifetimeValue#totalInterval}. A label a customer has no value for (say, a survey
 * respondent without transactions) is counted in {@link Result#labelsWithoutValue()}; a valued
 * customer without a label in {@link Result#unlabelled()}.
 */
public final class ValueByGroup {
    private ValueByGroup() {
    }

    /**
     * The grouped values and the value at risk.
     *
     * @param what what the groups are, e.g. {@code "NPS group"} (named in the output)
     * @param reference the reference group the others are compared with
     * @param confidence the confidence level of intervals and comparisons
     * @param groups one row per group, in label order
     * @param unlabelled valued customers without a label
     * @param labelsWithoutValue labelled customers without a value (no transactions)
     */
    public record Result(String what, String reference, double confidence, List<GroupValue> groups, long unlabelled,
            long labelsWithoutValue) {

        /**
         * Copies.
         *
         * @param what what the groups are
         * @param reference the reference group
         * @param confidence the confidence level
         * @param groups the groups
         * @param unlabelled customers without a label
         * @param labelsWithoutValue labels without a customer value
         */
        public Result {
            groups = List.copyOf(groups);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ValueByGroup[%s, reference %s: %s; %d unlabelled, %d labels without value]",
                    what, reference, groups, unlabelled, labelsWithoutValue);
        }
    }

    /**
     * Value of the customers whose P(alive) is below a threshold, or of one group.
     *
     * @param what which customers ("P(alive) &lt; 0.5", "detractors")
     * @param customers how many
     * @param clv their summed CLV
     * @param shareOfTotal their share of the total CLV of all valued customers
     */
    public record ValueAtRisk(String what, long customers, double clv, double shareOfTotal) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ValueAtRisk[%s: %d customers, CLV %.2f (%.1f%% of total)]", what, customers,
                    clv, 100 * shareOfTotal);
        }
    }

    /**
     * Groups customer values by label.
     *
     * @param what what the labels are, e.g. {@code "NPS group"}
     * @param values the customer values
     * @param labels customer id to group label
     * @param reference the reference group; must be one of the labels of a valued customer
     * @param confidence confidence level in (0, 1)
     * @return the grouped result
     * @throws IllegalArgumentException if no customer has a label, or the reference group is empty
     */
    public static Result of(String what, List<CustomerValue> values, Map<String, String> labels, String reference,
            double confidence) {
        io.cxkit.core.Check.confidence(confidence);
        Map<String, Moments[]> groups = new TreeMap<>();
        Map<String, Double> totals = new TreeMap<>();
        long unlabelled = 0;
        long matched = 0;
        for (CustomerValue v : values) {
            String g = labels.get(v.customerId());
            if (g == null) {
                unlabelled++;
                continue;
            }
            matched++;
            Moments[] m = groups.computeIfAbsent(g, k -> new Moments[] {Moments.create(), Moments.create(), Moments.create()});
            m[0].accept(v.clv());
            m[1].accept(v.probabilityAlive());
            m[2].accept(v.expectedTransactions());
            totals.merge(g, v.clv(), Double::sum);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no valued customer has a " + what + ": " + values.size()
                    + " customers valued, " + labels.size() + " labelled, none in both (do the customer ids match?)");
        }
        Moments[] ref = groups.get(reference);
        if (ref == null) {
            throw new IllegalArgumentException("reference " + what + " '" + reference + "' has no valued customer; groups: "
                    + groups.keySet());
        }
        List<GroupValue> rows = new ArrayList<>();
        groups.forEach((g, m) -> {
            boolean isRef = g.equals(reference);
            rows.add(new GroupValue(g, m[0].n(), m[0].result(), m[1].result(), m[2].result(), totals.get(g),
                    isRef ? null : compare(m[0], ref[0], confidence), isRef ? null : compare(m[1], ref[1], confidence),
                    isRef ? null : compare(m[2], ref[2], confidence)));
        });
        return new Result(what, reference, confidence, rows, unlabelled, labels.size() - matched);
    }

    private static Comparison compare(Moments a, Moments b, double confidence) {
        if (a.n() < 2 || b.n() < 2 || a.result().standardDeviation() == 0 && b.result().standardDeviation() == 0) {
            return null;
        }
        return TwoSampleTest.welch(a.result(), b.result(), confidence);
    }

    /**
     * The value of customers whose P(alive) is below a threshold.
     *
     * @param values the customer values
     * @param threshold the P(alive) threshold in (0, 1]
     * @return their count, summed CLV and share of the total
     */
    public static ValueAtRisk belowAlive(List<CustomerValue> values, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("P(alive) threshold must be in (0, 1]: " + threshold);
        }
        long n = 0;
        double at = 0;
        double total = 0;
        for (CustomerValue v : values) {
            total += v.clv();
            if (v.probabilityAlive() < threshold) {
                n++;
                at += v.clv();
            }
        }
        return new ValueAtRisk("P(alive) < " + threshold, n, at, total > 0 ? at / total : Double.NaN);
    }

    /**
     * The value of one group, e.g. the detractors.
     *
     * @param result the grouped values
     * @param group the group
     * @return its count, CLV and share of the grouped total; zero customers if the group is absent
     */
    public static ValueAtRisk ofGroup(Result result, String group) {
        double total = 0;
        GroupValue found = null;
        for (GroupValue g : result.groups()) {
            total += g.totalClv();
            if (g.group().equals(group)) {
                found = g;
            }
        }
        return found == null ? new ValueAtRisk(group, 0, 0, 0)
                : new ValueAtRisk(group, found.customers(), found.totalClv(), total > 0 ? found.totalClv() / total : Double.NaN);
    }
}
