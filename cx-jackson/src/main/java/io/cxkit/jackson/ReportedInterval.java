package io.cxkit.jackson;

import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;

/**
 * An estimate's interval as reports print it: clipped to the range the score can take (±100 for
 * NPS, 0–100% for CSAT, the rating scale for the CES mean) and saying so, and flagged when the
 * estimate rests on fewer answers than the report's minimum n.
 *
 * <p>An NPS bound of exactly ±100 is reported as clipped: the library cuts its Wald and
 * adjusted-Wald intervals at the edge, and with the adjusted-Wald pseudo-observations a bound
 * reaches the edge only by being cut. A CES mean bound is clipped here when the t interval reaches
 * past the scale. CSAT intervals (Wilson and the other proportion methods) lie within 0–100% by
 * construction; a bound of exactly 0% or 100% (all or none satisfied) is not a clip.
 *
 * @param lower the lower bound, NaN when empty
 * @param upper the upper bound, NaN when empty
 * @param clipped whether a bound was cut at the edge of the range
 * @param lowN whether {@code n} is below the minimum
 */
public record ReportedInterval(double lower, double upper, boolean clipped, boolean lowN) {

    /**
     * The reported interval of an estimate.
     *
     * @param e the estimate
     * @param confidence the confidence level in (0, 1)
     * @param minN the report's minimum n (0 flags nothing)
     * @return the interval clipped to the score's range, with its flags
     */
    public static ReportedInterval of(Estimate e, double confidence, int minN) {
        Interval ci = e.interval(confidence);
        boolean low = e.n() > 0 && e.n() < minN;
        if (e.n() == 0) {
            return new ReportedInterval(ci.lower(), ci.upper(), false, false);
        }
        double min = -100;
        double max = 100;
        boolean cut;
        if (e instanceof CesResult c) {
            min = c.scale().min();
            max = c.scale().max();
            cut = ci.lower() < min || ci.upper() > max;
        } else if (e instanceof CsatResult) {
            min = 0;
            cut = ci.lower() < min || ci.upper() > max;
        } else {
            cut = ci.lower() <= min || ci.upper() >= max;
        }
        return new ReportedInterval(Math.max(min, ci.lower()), Math.min(max, ci.upper()), cut, low);
    }
}
