package io.cxkit.journey.service;

import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Service metrics of a set of tickets (see {@link ServiceMetrics} for definitions). Times are in
 * seconds of business time; rates carry Wilson intervals via {@link ProportionEstimate#interval()}.
 *
 * @param tickets tickets counted
 * @param solved tickets whose final state is solved
 * @param firstResponse time to first response, over tickets with a counted response
 * @param resolution time to final solve, over solved tickets
 * @param requesterWait total requester wait, over all tickets
 * @param firstContactResolution first-contact resolved / solved tickets
 * @param repeatContact tickets followed by a repeat contact / tickets
 * @param reopen tickets reopened at least once / tickets
 * @param firstResponseSla first responses within target / tickets with a response (empty if no
 *     target)
 * @param resolutionSla resolutions within target / solved tickets (empty if no target)
 * @param firstResponseTarget the first-response target; empty if none
 * @param resolutionTarget the resolution target; empty if none
 */
public record ServiceMetricsResult(long tickets, long solved, QuantileSummary firstResponse, QuantileSummary resolution,
        QuantileSummary requesterWait, ProportionEstimate firstContactResolution, ProportionEstimate repeatContact,
        ProportionEstimate reopen, ProportionEstimate firstResponseSla, ProportionEstimate resolutionSla,
        Optional<Duration> firstResponseTarget, Optional<Duration> resolutionTarget) {

    /**
     * Reads a null target as none.
     *
     * @param tickets see the class comment
     * @param solved see the class comment
     * @param firstResponse see the class comment
     * @param resolution see the class comment
     * @param requesterWait see the class comment
     * @param firstContactResolution see the class comment
     * @param repeatContact see the class comment
     * @param reopen see the class comment
     * @param firstResponseSla see the class comment
     * @param resolutionSla see the class comment
     * @param firstResponseTarget see the class comment
     * @param resolutionTarget see the class comment
     */
    public ServiceMetricsResult {
        firstResponseTarget = firstResponseTarget == null ? Optional.empty() : firstResponseTarget;
        resolutionTarget = resolutionTarget == null ? Optional.empty() : resolutionTarget;
    }

    /**
     * A small table: ticket counts, then median / p90 of each time, then each rate.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        return "Service metrics: " + tickets + " tickets, " + solved + " solved" + nl
                + time("first response", firstResponse) + nl
                + time("resolution", resolution) + nl
                + time("requester wait", requesterWait) + nl
                + rate("first-contact resolution", firstContactResolution) + nl
                + rate("repeat contact", repeatContact) + nl
                + rate("reopened", reopen) + nl
                + rate("first response within " + firstResponseTarget.map(Duration::toString).orElse("-"),
                        firstResponseSla) + nl
                + rate("resolved within " + resolutionTarget.map(Duration::toString).orElse("-"), resolutionSla);
    }

    /** One time line: {@code name median .. s, p90 .. s (n=..)}, or a dash when empty. */
    static String time(String name, QuantileSummary q) {
        return q.isEmpty() ? String.format(Locale.ROOT, "  %-28s -", name)
                : String.format(Locale.ROOT, "  %-28s median %.0f s, p90 %.0f s (n=%d)", name, q.median(), q.p90(),
                        q.n());
    }

    /** One rate line: {@code name 12.3% [lo, hi] (n=..)}, or a dash when empty. */
    static String rate(String name, ProportionEstimate p) {
        if (p.n() == 0) {
            return String.format(Locale.ROOT, "  %-28s -", name);
        }
        Interval i = p.interval();
        return String.format(Locale.ROOT, "  %-28s %.1f%% [%.1f, %.1f] (n=%d)", name, 100 * p.estimate(),
                100 * i.lower(), 100 * i.upper(), p.n());
    }
}
