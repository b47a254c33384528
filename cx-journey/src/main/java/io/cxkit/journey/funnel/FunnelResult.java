package io.cxkit.journey.funnel;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.core.TwoSampleTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of a {@link Funnel}: journeys offered and one {@link FunnelStepResult} per step.
 *
 * @param mode the matching mode
 * @param window the conversion window; empty for none
 * @param journeys journeys offered to the funnel (entered or not)
 * @param steps per-step numbers, in step order
 */
public record FunnelResult(FunnelMode mode, Optional<Duration> window, long journeys, List<FunnelStepResult> steps) {

    /**
     * Copies the step list.
     *
     * @param mode see the class comment
     * @param window see the class comment
     * @param journeys see the class comment
     * @param steps see the class comment
     */
    public FunnelResult {
        window = window == null ? Optional.empty() : window;
        steps = List.copyOf(steps);
    }

    /**
     * Journeys that reached the first step.
     *
     * @return the count
     */
    public long entered() {
        return steps.get(0).entered();
    }

    /**
     * Journeys that reached the last step.
     *
     * @return the count
     */
    public long completed() {
        return steps.get(steps.size() - 1).entered();
    }

    /**
     * End-to-end conversion {@code completed / entered}, with a Wilson interval.
     *
     * @return the proportion; empty if no journey entered
     */
    public ProportionEstimate conversion() {
        return ProportionEstimate.of(completed(), entered());
    }

    /**
     * End-to-end time, first to last step, in seconds.
     *
     * @return the summary
     */
    public QuantileSummary timeToConvert() {
        return steps.get(steps.size() - 1).timeFromFirst();
    }

    /**
     * The numbers of the named step.
     *
     * @param name a step name
     * @return the step's numbers
     * @throws IllegalArgumentException if there is no such step
     */
    public FunnelStepResult step(String name) {
        for (FunnelStepResult s : steps) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown funnel step: '" + name + "' (steps are "
                + steps.stream().map(FunnelStepResult::name).toList() + ")");
    }

    /**
     * Compares end-to-end conversion with another segment's: the pooled two-proportion z test
     * with Newcombe's interval for {@code this − other} ({@link TwoSampleTest#twoProportions}).
     *
     * @param other the other segment's result
     * @param confidence the confidence level in (0, 1)
     * @return the comparison
     * @throws IllegalArgumentException if either segment has no entered journeys
     */
    public Comparison compareConversion(FunnelResult other, double confidence) {
        return TwoSampleTest.twoProportions(conversion(), other.conversion(), confidence);
    }

    /**
     * Compares one step's conversion from the previous step with another segment's.
     *
     * @param other the other segment's result
     * @param step the step name
     * @param confidence the confidence level in (0, 1)
     * @return the comparison of {@code this − other}
     * @throws IllegalArgumentException if the step is unknown or a segment has no data there
     */
    public Comparison compareStep(FunnelResult other, String step, double confidence) {
        return TwoSampleTest.twoProportions(step(step).fromPrevious(), other.step(step).fromPrevious(),
                confidence);
    }

    /**
     * A table, one line per step: entered, converted, dropped, conversion from previous and from
     * first with 95% Wilson intervals, and median / p90 time from the previous step.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Funnel %s, window %s: %d journeys, %d entered, %d completed%n",
                mode, window.map(Duration::toString).orElse("none"), journeys, entered(), completed()));
        sb.append(String.format(Locale.ROOT, "  %-20s %8s %9s %8s  %-26s %-26s %s%n", "step", "entered",
                "converted", "dropped", "from previous", "from first", "time from previous (median/p90 s)"));
        for (FunnelStepResult s : steps) {
            sb.append(String.format(Locale.ROOT, "  %-20s %8d %9d %8d  %-26s %-26s %s%n", s.name(),
                    s.entered(), s.converted(), s.dropped(), rate(s.fromPrevious()), rate(s.fromFirst()),
                    s.timeFromPrevious().isEmpty() ? "-" : fmt(s.timeFromPrevious().median()) + " / "
                            + fmt(s.timeFromPrevious().p90())));
        }
        return sb.toString();
    }

    private static String rate(ProportionEstimate p) {
        if (p.n() == 0) {
            return "-";
        }
        Interval i = p.interval();
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * p.estimate(), 100 * i.lower(),
                100 * i.upper());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
