package io.cxkit.journey.service;

/** What happened on a support ticket or conversation. */
public enum TicketEventType {
    /** The ticket was opened by the customer (exactly one per ticket). */
    CREATED,
    /** An agent or a bot replied to the customer. */
    AGENT_REPLY,
    /** The customer wrote again. */
    CUSTOMER_REPLY,
    /** The ticket was marked solved. */
    SOLVED,
    /** A solved ticket was opened again. */
    REOPENED
}
