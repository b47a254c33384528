package io.cxkit.survey.trend;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.TimeBucket;
import java.util.Optional;

/**
 * One period of a segment's score series ({@link ScoreTrend#series(String)}).
 *
 * @param <R> the result type
 * @param period the period
 * @param result the period's score (with its {@code n}, standard error and interval)
 * @param interval the score's default interval at the trend's confidence level
 * @param change the comparison with the segment's previous period ({@code this − previous}), when
 *     both have enough data; empty for the first period or when either had too little data
 */
public record TrendPoint<R extends Estimate>(TimeBucket period, R result, Interval interval,
        Optional<Comparison> change) {

    /**
     * Validates the components.
     *
     * @param period the period
     * @param result the score
     * @param interval its interval
     * @param change the change from the previous period, or empty
     */
    public TrendPoint {
        Check.notNull(period, "period");
        Check.notNull(result, "result");
        Check.notNull(interval, "interval");
        Check.notNull(change, "change");
    }


    @Override
    public String toString() {
        return period.label() + ": " + result + change.map(c -> "; change " + c).orElse("");
    }
}
