package io.cxkit.journey.service;

/**
 * A ticket's satisfaction-survey status as help desks export it (Zendesk's {@code Satisfaction
 * Score}): {@link #GOOD} and {@link #BAD} are the two answers of a binary CSAT question;
 * {@link #OFFERED} (the survey was sent, no answer yet) and {@link #UNOFFERED} (never sent) are not
 * answers and are counted apart; {@link #NONE} means the export has no value for the ticket.
 */
public enum TicketSatisfaction {
    /** Rated good: a satisfied answer. */
    GOOD,
    /** Rated bad: a dissatisfied answer. */
    BAD,
    /** The survey was offered and not answered. */
    OFFERED,
    /** The survey was not offered. */
    UNOFFERED,
    /** No satisfaction value (empty cell, or no such column). */
    NONE;

    /**
     * Whether this status is an answer (good or bad).
     *
     * @return true for {@link #GOOD} and {@link #BAD}
     */
    public boolean answered() {
        return this == GOOD || this == BAD;
    }
}
