package io.cxkit.journey.service;

import io.cxkit.core.ProportionEstimate;

/**
 * Satisfaction-survey statuses of a set of tickets, counted by {@link TicketSatisfaction}. Good/Bad
 * is a binary CSAT: {@link #csat()} is good / (good + bad). Offered and unoffered tickets are not
 * answers and never enter the CSAT; {@link #responseRate()} is (good + bad) / (good + bad +
 * offered), the share of offered surveys that were answered.
 *
 * @param good tickets rated good
 * @param bad tickets rated bad
 * @param offered tickets offered the survey, not answered
 * @param unoffered tickets never offered it
 * @param none tickets without a satisfaction value
 */
public record TicketSatisfactionResult(long good, long bad, long offered, long unoffered, long none) {

    /**
     * Validates the counts.
     *
     * @param good good
     * @param bad bad
     * @param offered offered
     * @param unoffered unoffered
     * @param none none
     * @throws IllegalArgumentException if a count is negative
     */
    public TicketSatisfactionResult {
        if (good < 0 || bad < 0 || offered < 0 || unoffered < 0 || none < 0) {
            throw new IllegalArgumentException("satisfaction counts must be >= 0: good=" + good + ", bad=" + bad
                    + ", offered=" + offered + ", unoffered=" + unoffered + ", none=" + none);
        }
    }

    /**
     * The binary CSAT: good / (good + bad), with a Wilson interval through
     * {@link ProportionEstimate#interval(double)}; empty when nobody answered.
     *
     * @return the share rated good
     */
    public ProportionEstimate csat() {
        return ProportionEstimate.of(good, good + bad);
    }

    /**
     * The response rate: (good + bad) / (good + bad + offered); empty when no survey was offered.
     *
     * @return the share of offered surveys that were answered
     */
    public ProportionEstimate responseRate() {
        return ProportionEstimate.of(good + bad, good + bad + offered);
    }

    /**
     * Returns e.g. {@code Satisfaction[good 3, bad 1, offered 2, unoffered 4, none 0]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "Satisfaction[good " + good + ", bad " + bad + ", offered " + offered + ", unoffered " + unoffered
                + ", none " + none + "]";
    }
}
