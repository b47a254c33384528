package io.cxkit.core;

/**
 * The area of the business that owns a touchpoint, used to route findings to the team that can
 * act on them.
 */
public enum CxArea {
    /** Campaigns, advertising, content and brand. */
    MARKETING,
    /** Pre-sales, quoting, checkout and account management. */
    SALES,
    /** The product or service itself: features, quality, usability. */
    PRODUCT,
    /** Internal systems customers meet indirectly: billing, identity, order management. */
    SUPPORTING_SYSTEMS,
    /** Connections to partners and third-party systems. */
    INTEGRATIONS,
    /** Customer service and technical support. */
    SUPPORT,
    /** Terms, pricing rules, returns, privacy and other policies. */
    POLICIES
}
