package io.cxkit.journey.funnel;

/** How a {@link Funnel} matches its steps against a journey's events. */
public enum FunnelMode {
    /**
     * Steps in order; other events may come between. Step {@code s} is the first event after
     * step {@code s−1}'s event that matches step {@code s}.
     */
    ORDERED,
    /**
     * Steps in order with nothing between: the event right after step {@code s−1}'s event must
     * match step {@code s}, or the journey stops at step {@code s−1}.
     */
    STRICT,
    /**
     * Steps in any order: the journey has reached step {@code s} when steps {@code 1..s} have all
     * occurred (each at its first occurrence) within the window from the first event that matches
     * any step.
     */
    ANY_ORDER
}
