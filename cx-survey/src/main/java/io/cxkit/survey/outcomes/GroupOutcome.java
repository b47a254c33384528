package io.cxkit.survey.outcomes;

import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;

/**
 * The outcome of one group: its mean (a {@link io.cxkit.core.MeanEstimate}, t interval) for a
 * numeric outcome, or its rate (a {@link io.cxkit.core.ProportionEstimate}, Wilson interval) for a
 * binary one.
 *
 * @param group the group's label, e.g. {@code "promoter"}
 * @param estimate the group's mean or rate, with {@code n} and standard error
 * @param interval its default interval at the linkage's confidence level
 */
public record GroupOutcome(String group, Estimate estimate, Interval interval) {
    /**
     * Validates the components.
     *
     * @param group the group's label
     * @param estimate the estimate
     * @param interval its interval
     */
    public GroupOutcome {
        Check.notNull(group, "group");
        Check.notNull(estimate, "estimate");
        Check.notNull(interval, "interval");
    }

    @Override
    public String toString() {
        return group + ": " + estimate;
    }
}
