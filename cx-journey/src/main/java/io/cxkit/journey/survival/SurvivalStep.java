package io.cxkit.journey.survival;

import io.cxkit.core.Distributions;
import io.cxkit.core.Interval;
import java.util.Locale;

/**
 * One row of a Kaplan–Meier table, at a distinct observed time (event or censoring), as a row of
 * R's {@code summary(survfit(...), censored = TRUE)}.
 *
 * @param time the time, in the caller's unit (e.g. days since first purchase)
 * @param atRisk subjects with time {@code >= time} (R's {@code n.risk})
 * @param events events at exactly {@code time} (R's {@code n.event})
 * @param censored censorings at exactly {@code time} (R's {@code n.censor})
 * @param survival the Kaplan–Meier estimate {@code S(time) = Π_{tᵢ <= time} (1 − dᵢ/nᵢ)}, in [0, 1]
 * @param stdErrLog the Greenwood standard error of {@code log S} (equivalently of the Nelson-type
 *     cumulative hazard {@code −log S}), {@code √(Σ dᵢ/(nᵢ(nᵢ−dᵢ)))}: this is what R stores in
 *     {@code survfit(...)$std.err}; {@code +∞} once {@code S = 0}
 * @param stdErr the Greenwood standard error of {@code S} itself, {@code S·stdErrLog}: this is what
 *     R's {@code summary(fit)$std.err} prints; NaN once {@code S = 0} (R: NaN)
 */
public record SurvivalStep(double time, long atRisk, long events, long censored, double survival,
        double stdErrLog, double stdErr) {

    /**
     * The pointwise confidence interval for {@code S(time)} (see {@link SurvivalConfType}).
     *
     * @param type log or log-log
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the interval; bounds NaN where R reports NA ({@code S = 0}; for log-log also
     *     {@code S = 1})
     */
    public Interval interval(SurvivalConfType type, double confidence) {
        double[] b = type.bounds(survival, stdErrLog, Distributions.zCritical(confidence));
        return new Interval(b[0], b[1], confidence, "Kaplan-Meier " + type.label());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "t=%s n.risk=%d n.event=%d n.censor=%d S=%.4f se=%.4f",
                SurvivalAccumulator.formatTime(time), atRisk, events, censored, survival, stdErr);
    }
}
