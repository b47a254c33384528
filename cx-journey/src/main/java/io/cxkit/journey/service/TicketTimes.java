package io.cxkit.journey.service;

/**
 * The three durations a ticket export states for one ticket in one time basis (elapsed, or within
 * business hours), in seconds; {@code NaN} where the export has no value.
 *
 * @param firstReplySeconds creation to the first public agent reply
 * @param fullResolutionSeconds creation to the final (most recent) solve
 * @param requesterWaitSeconds time the requester waited for the agent side
 */
public record TicketTimes(double firstReplySeconds, double fullResolutionSeconds, double requesterWaitSeconds) {
    private static final TicketTimes NONE = new TicketTimes(Double.NaN, Double.NaN, Double.NaN);

    /**
     * Validates the durations.
     *
     * @param firstReplySeconds first reply
     * @param fullResolutionSeconds full resolution
     * @param requesterWaitSeconds requester wait
     * @throws IllegalArgumentException if a duration is negative or infinite
     */
    public TicketTimes {
        check(firstReplySeconds, "firstReplySeconds");
        check(fullResolutionSeconds, "fullResolutionSeconds");
        check(requesterWaitSeconds, "requesterWaitSeconds");
    }

    private static void check(double v, String name) {
        if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite duration >= 0 seconds or NaN (no value): "
                    + v);
        }
    }

    /**
     * No durations at all (every value NaN).
     *
     * @return the empty times
     */
    public static TicketTimes none() {
        return NONE;
    }

    /**
     * Returns e.g. {@code TicketTimes[first reply 600 s, full resolution -, requester wait 900 s]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "TicketTimes[first reply " + s(firstReplySeconds) + ", full resolution " + s(fullResolutionSeconds)
                + ", requester wait " + s(requesterWaitSeconds) + "]";
    }

    private static String s(double v) {
        return Double.isNaN(v) ? "-" : (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + " s";
    }
}
