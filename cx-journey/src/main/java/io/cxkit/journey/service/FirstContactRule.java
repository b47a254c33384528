package io.cxkit.journey.service;

/**
 * Which column of a ticket export decides first-contact resolution (FCR), always over solved
 * tickets: {@link #ZERO_REOPENS} (Zendesk's {@code Reopens}) or {@link #ONE_CONTACT} (a contact
 * count such as cxkit's generated {@code tickets.csv}). A solved ticket whose deciding value is
 * empty is not counted for FCR (and is reported as such).
 */
public enum FirstContactRule {
    /** Solved and never reopened: {@code reopens == 0}. */
    ZERO_REOPENS("solved with 0 reopens"),
    /** Solved in one contact: {@code contacts == 1}. */
    ONE_CONTACT("solved in 1 contact");

    private final String description;

    FirstContactRule(String description) {
        this.description = description;
    }

    /**
     * The rule in words, e.g. {@code "solved with 0 reopens"}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether a solved ticket counts as resolved at first contact under this rule.
     *
     * @param t the ticket (must be solved)
     * @return 1 if it counts, 0 if not, -1 if its deciding value is unknown
     */
    int decide(TicketRecord t) {
        int v = this == ZERO_REOPENS ? t.reopens() : t.contacts();
        if (v < 0) {
            return -1;
        }
        return (this == ZERO_REOPENS ? v == 0 : v == 1) ? 1 : 0;
    }
}
