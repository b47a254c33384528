package io.cxkit.core;

/**
 * A touchpoint: a place where the customer meets the business, such as "checkout page" or
 * "support hotline", located by channel, journey stage and owning area.
 *
 * <pre>{@code
 * Touchpoint tp = Touchpoint.of("checkout", "Checkout page", Channel.WEB,
 *         JourneyStage.PURCHASE, CxArea.SALES);
 * }</pre>
 *
 * @param id the touchpoint identifier used by interactions; not blank
 * @param name a human-readable name; not blank
 * @param channel the channel the touchpoint lives in; not null
 * @param stage the journey stage it serves; not null
 * @param area the business area that owns it; not null
 */
public record Touchpoint(String id, String name, Channel channel, JourneyStage stage, CxArea area) {

    /**
     * Validates the components.
     *
     * @param id the id; see the class comment
     * @param name the name; see the class comment
     * @param channel the channel; see the class comment
     * @param stage the stage; see the class comment
     * @param area the area; see the class comment
     * @throws IllegalArgumentException if {@code id} or {@code name} is missing or blank
     *     ({@link InvalidInputException})
     * @throws NullPointerException if the channel, stage or area is null
     */
    public Touchpoint {
        Check.notBlank(id, "touchpoint id");
        Check.notBlank(name, "touchpoint name");
        Check.notNull(channel, "touchpoint channel");
        Check.notNull(stage, "touchpoint stage");
        Check.notNull(area, "touchpoint area");
    }

    /**
     * Returns a touchpoint.
     *
     * @param id the touchpoint identifier; not blank
     * @param name a human-readable name; not blank
     * @param channel the channel; not null
     * @param stage the journey stage; not null
     * @param area the owning area; not null
     * @return the touchpoint
     */
    public static Touchpoint of(String id, String name, Channel channel, JourneyStage stage,
            CxArea area) {
        return new Touchpoint(id, name, channel, stage, area);
    }

    /**
     * Returns e.g. {@code Touchpoint[checkout "Checkout page", web, purchase(2), SALES]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "Touchpoint[" + id + " \"" + name + "\", " + channel + ", " + stage + ", " + area + "]";
    }
}
