package io.cxkit.report;

import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.survey.ScoreCardResult;

/**
 * Which of a score card's three scores a chart shows, with its unit and its scale.
 */
public enum ScoreMetric {
    /** Net Promoter Score in points, −100 to 100; adjusted-Wald interval; signed-difference z test. */
    NPS("NPS", "NPS points"),
    /** CSAT as percent satisfied (top-box share), 0 to 100; Wilson interval; two-proportion z test. */
    CSAT("CSAT", "% satisfied"),
    /** CES as the mean answer on the effort scale; t interval; Welch test. */
    CES("CES", "mean effort");

    private final String label;
    private final String unit;

    ScoreMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /**
     * The metric's short name.
     *
     * @return {@code NPS}, {@code CSAT} or {@code CES}
     */
    public String label() {
        return label;
    }

    /**
     * The unit of the estimates.
     *
     * @return e.g. {@code NPS points}
     */
    public String unit() {
        return unit;
    }

    /**
     * The metric's result in a score card.
     *
     * @param card the score card
     * @return its NPS, CSAT or CES result
     */
    public Estimate of(ScoreCardResult card) {
        return switch (this) {
            case NPS -> card.nps();
            case CSAT -> card.csat();
            case CES -> card.ces();
        };
    }

    /** {@code a − b} by the metric's two-sample comparison. */
    Comparison compare(ScoreCardResult a, ScoreCardResult b, double confidence) {
        return switch (this) {
            case NPS -> a.nps().compare(b.nps(), confidence);
            case CSAT -> a.csat().compare(b.csat(), confidence);
            case CES -> a.ces().compare(b.ces(), confidence);
        };
    }

    /** The whole scale, {@code [lo, hi]}, in the estimate's unit. */
    double[] range(ScoreCardResult card) {
        return switch (this) {
            case NPS -> new double[] {-100, 100};
            case CSAT -> new double[] {0, 100};
            case CES -> new double[] {card.ces().scale().min(), card.ces().scale().max()};
        };
    }

    /** The axis title, e.g. {@code NPS (points, −100 to 100)}. */
    String axisTitle(ScoreCardResult card) {
        return switch (this) {
            case NPS -> "NPS (points, -100 to 100)";
            case CSAT -> "CSAT (% satisfied, " + card.csat().scale().threshold() + "+ on "
                    + card.csat().scale().min() + "-" + card.csat().scale().max() + ")";
            case CES -> "CES (mean on " + card.ces().scale().min() + "-" + card.ces().scale().max() + ")";
        };
    }

    /** " Weighted answers (Kish effective n = …)." for weighted data, else "" (the captions say which). */
    static String weighting(Estimate overall) {
        return overall.weighted() ? " Weighted answers (Kish effective n = " + Num.fixed(overall.effectiveN(), 1)
                + " overall); intervals use the design-based standard error." : " Unweighted.";
    }

    /** Decimals used for estimates in labels and tables. */
    int decimals() {
        return this == CES ? 2 : 1;
    }

    /** The name of the two-sample test behind movers. */
    String test() {
        return switch (this) {
            case NPS -> "z test of the signed NPS difference";
            case CSAT -> "two-proportion z test";
            case CES -> "Welch t test";
        };
    }
}
