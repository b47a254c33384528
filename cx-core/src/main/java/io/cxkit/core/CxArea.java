package io.cxkit.core;

import java.util.Locale;

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
    POLICIES;

    /**
     * The area's name as reports print it: lower case, words separated by a space.
     *
     * @return e.g. {@code "supporting systems"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The area named {@code text}: its {@link #label()} or constant name in any case, with words
     * separated by spaces, underscores or hyphens ({@code "Supporting systems"},
     * {@code "supporting_systems"}, {@code "SUPPORTING-SYSTEMS"}).
     *
     * @param text the name
     * @return the area
     * @throws IllegalArgumentException if {@code text} names no area, listing the areas
     */
    public static CxArea parse(String text) {
        if (text != null) {
            String key = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (CxArea a : values()) {
                if (a.name().equals(key)) {
                    return a;
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (CxArea a : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(a.label());
        }
        throw new IllegalArgumentException("CX area must be one of " + known + ": "
                + (text == null ? "null" : "'" + text + "'"));
    }
}
