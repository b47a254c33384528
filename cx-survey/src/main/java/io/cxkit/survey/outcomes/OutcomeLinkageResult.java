package io.cxkit.survey.outcomes;

import io.cxkit.core.Check;
import java.util.List;

/**
 * Outcome per experience group and each group's contrast with the reference group
 * ({@link OutcomeLinkage}).
 *
 * @param outcome the outcome's name, e.g. {@code "spend"}
 * @param binary whether the outcome is binary (rates) rather than numeric (means)
 * @param reference the reference group's label
 * @param groups every group with data, in label order (the reference included)
 * @param contrasts one contrast per non-reference group that can be compared (both groups need
 *     at least 2 observations for means, 1 for rates); empty when the reference group has no data
 * @param confidence the confidence level of every interval
 */
public record OutcomeLinkageResult(String outcome, boolean binary, String reference,
        List<GroupOutcome> groups, List<OutcomeContrast> contrasts, double confidence) {

    /**
     * Validates and copies the components.
     *
     * @param outcome the outcome's name
     * @param binary whether binary
     * @param reference the reference group
     * @param groups the groups
     * @param contrasts the contrasts
     * @param confidence the confidence level
     */
    public OutcomeLinkageResult {
        Check.notNull(outcome, "outcome");
        Check.notNull(reference, "reference");
        groups = List.copyOf(Check.notNull(groups, "groups"));
        contrasts = List.copyOf(Check.notNull(contrasts, "contrasts"));
        Check.confidence(confidence);
    }

    /**
     * The outcome of a named group.
     *
     * @param group the label
     * @return its outcome
     * @throws IllegalArgumentException if the group has no data
     */
    public GroupOutcome group(String group) {
        for (GroupOutcome g : groups) {
            if (g.group().equals(group)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no data for group '" + group + "'");
    }

    /**
     * The contrast of a named group with the reference.
     *
     * @param group the label
     * @return its contrast
     * @throws IllegalArgumentException if there is no contrast for that group
     */
    public OutcomeContrast contrast(String group) {
        for (OutcomeContrast c : contrasts) {
            if (c.group().equals(group)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no contrast for group '" + group + "' vs '" + reference + "'");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(
                (binary ? "Rate of " : "Mean ") + outcome + " by group (reference " + reference + ")");
        for (GroupOutcome g : groups) {
            sb.append("\n  ").append(g);
        }
        for (OutcomeContrast c : contrasts) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
