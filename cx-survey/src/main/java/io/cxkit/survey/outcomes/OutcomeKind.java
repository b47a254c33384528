package io.cxkit.survey.outcomes;

/** What kind of outcome an {@link OutcomeLinkage} compares between experience groups. */
public enum OutcomeKind {
    /** A number per customer (spend, tickets): means per group, Welch's t and the ratio of means. */
    NUMERIC,
    /** Yes or no per customer (retained, churned): rates per group, two-proportion z and the risk ratio. */
    BINARY
}
