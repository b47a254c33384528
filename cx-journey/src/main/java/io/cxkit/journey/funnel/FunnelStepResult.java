package io.cxkit.journey.funnel;

import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;

/**
 * The numbers of one funnel step (see {@link Funnel} for definitions). Rates are
 * {@link ProportionEstimate}s, whose {@code interval()} is Wilson by default; times are in
 * seconds.
 *
 * @param name the step name
 * @param index the position, 0 for the first step
 * @param entered journeys that reached this step
 * @param converted of those, journeys that reached the next step (last step: {@code entered})
 * @param dropped {@code entered − converted}
 * @param fromPrevious {@code entered / entered of the previous step} (first step: {@code entered /
 *     journeys})
 * @param fromFirst {@code entered / entered of the first step}
 * @param timeFromPrevious seconds from reaching the previous step to reaching this one (empty for
 *     the first step)
 * @param timeFromFirst seconds from reaching the first step to reaching this one (empty for the
 *     first step)
 */
public record FunnelStepResult(String name, int index, long entered, long converted, long dropped,
        ProportionEstimate fromPrevious, ProportionEstimate fromFirst, QuantileSummary timeFromPrevious,
        QuantileSummary timeFromFirst) {

    /**
     * Checks the counts.
     *
     * @param name see the class comment
     * @param index see the class comment
     * @param entered see the class comment
     * @param converted see the class comment
     * @param dropped see the class comment
     * @param fromPrevious see the class comment
     * @param fromFirst see the class comment
     * @param timeFromPrevious see the class comment
     * @param timeFromFirst see the class comment
     */
    public FunnelStepResult {
        if (entered < 0 || converted < 0 || converted > entered || dropped != entered - converted) {
            throw new IllegalArgumentException("funnel step counts must satisfy 0 <= converted <= entered"
                    + " and dropped = entered - converted: entered=" + entered + ", converted=" + converted
                    + ", dropped=" + dropped);
        }
    }
}
