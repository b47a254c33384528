package io.cxkit.journey.service;

import io.cxkit.core.Check;
import io.cxkit.core.ProportionEstimate;

/**
 * Service metrics of a ticket export (see {@link TicketRecordAccumulator} for the definitions).
 * The two {@link ServiceMetricsResult}s hold the same counts and rates; they differ in their times and SLA
 * attainment, measured in elapsed time and within business hours respectively. Repeat contact is
 * never measured from a ticket export (its {@link ServiceMetricsResult#repeatContact()} is empty).
 *
 * <p>What was left out can be read from the counts: tickets without a first reply value are
 * {@code tickets - firstResponse.n}; solved tickets without a resolution value are
 * {@code solved - resolution.n}; unsolved tickets ({@code tickets - solved}) never enter resolution
 * and requester wait; solved tickets whose FCR value is empty are
 * {@code solved - firstContactResolution.n}.
 *
 * @param firstContactRule which column decided first-contact resolution
 * @param elapsed counts, rates, and times and SLA attainment in elapsed time
 * @param businessHours the same with times and SLA attainment within business hours
 * @param oneTouch solved with at most one agent reply / solved tickets with a replies value
 * @param satisfaction the satisfaction-survey statuses
 */
public record TicketRecordResult(FirstContactRule firstContactRule, ServiceMetricsResult elapsed, ServiceMetricsResult businessHours,
        ProportionEstimate oneTouch, TicketSatisfactionResult satisfaction) {

    /**
     * Validates the components.
     *
     * @param firstContactRule the FCR rule
     * @param elapsed elapsed-time metrics
     * @param businessHours business-hours metrics
     * @param oneTouch one-touch share
     * @param satisfaction satisfaction counts
     * @throws NullPointerException if a component is null
     */
    public TicketRecordResult {
        Check.notNull(firstContactRule, "firstContactRule");
        Check.notNull(elapsed, "elapsed");
        Check.notNull(businessHours, "businessHours");
        Check.notNull(oneTouch, "oneTouch");
        Check.notNull(satisfaction, "satisfaction");
    }

    /**
     * Tickets counted.
     *
     * @return the number of tickets
     */
    public long tickets() {
        return elapsed.tickets();
    }

    /**
     * Tickets solved (or closed) at export time.
     *
     * @return the number of solved tickets
     */
    public long solved() {
        return elapsed.solved();
    }

    /**
     * A small table: counts, each time in both bases (median, p90, n), then each rate.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        String nl = System.lineSeparator();
        return "Ticket export metrics: " + tickets() + " tickets, " + solved() + " solved" + nl
                + ServiceMetricsResult.time("first reply (elapsed)", elapsed.firstResponse()) + nl
                + ServiceMetricsResult.time("first reply (business hours)", businessHours.firstResponse()) + nl
                + ServiceMetricsResult.time("full resolution (elapsed)", elapsed.resolution()) + nl
                + ServiceMetricsResult.time("full resolution (business)", businessHours.resolution()) + nl
                + ServiceMetricsResult.time("requester wait (elapsed)", elapsed.requesterWait()) + nl
                + ServiceMetricsResult.time("requester wait (business)", businessHours.requesterWait()) + nl
                + ServiceMetricsResult.rate("FCR (" + firstContactRule.description() + ")", elapsed.firstContactResolution()) + nl
                + ServiceMetricsResult.rate("one-touch", oneTouch) + nl
                + ServiceMetricsResult.rate("reopened", elapsed.reopen()) + nl
                + ServiceMetricsResult.rate("satisfaction (good of rated)", satisfaction.csat());
    }
}
