package io.cxkit.journey.survival;

/**
 * How an integer status column codes "event" versus "censored" in survival data, for
 * {@link SurvivalAccumulator#acceptStatus(double, int, SurvivalStatus, String)}. R's {@code Surv}
 * accepts both codings and guesses; cxkit makes the caller say which.
 */
public enum SurvivalStatus {
    /** 0 = censored (still a customer at the last observation), 1 = event (churned). */
    ZERO_ONE(0, 1),
    /** 1 = censored, 2 = event: the coding of R's {@code survival::lung} ({@code status}). */
    ONE_TWO(1, 2);

    private final int censored;
    private final int event;

    SurvivalStatus(int censored, int event) {
        this.censored = censored;
        this.event = event;
    }

    /**
     * Decodes one status value.
     *
     * @param status the coded status
     * @return {@code true} for an event, {@code false} for a censored observation
     * @throws IllegalArgumentException if {@code status} is neither code, e.g.
     *     {@code "status must be 1 (censored) or 2 (event): 3"}
     */
    public boolean isEvent(int status) {
        if (status == event) {
            return true;
        }
        if (status == censored) {
            return false;
        }
        throw new IllegalArgumentException("status must be " + censored + " (censored) or " + event
                + " (event): " + status);
    }
}
