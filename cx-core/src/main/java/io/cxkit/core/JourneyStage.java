package io.cxkit.core;

import java.util.Comparator;
import java.util.List;

/**
 * A stage of the customer journey, with an order that places it on the journey.
 *
 * <p>The default stages are {@link #AWARENESS} (0), {@link #CONSIDERATION} (1), {@link #PURCHASE}
 * (2), {@link #ONBOARDING} (3, onboarding and use), {@link #SUPPORT} (4), {@link #RETENTION} (5)
 * and {@link #ADVOCACY} (6). Custom stages are made with {@link #of(String, int)}; stages sort by
 * order, then by name.
 *
 * @param name the stage name; not blank
 * @param order the position on the journey, {@code >= 0}; smaller comes first
 */
public record JourneyStage(String name, int order) implements Comparable<JourneyStage> {

    /** The customer learns that the offering exists (order 0). */
    public static final JourneyStage AWARENESS = new JourneyStage("awareness", 0);
    /** The customer evaluates the offering (order 1). */
    public static final JourneyStage CONSIDERATION = new JourneyStage("consideration", 1);
    /** The customer buys (order 2). */
    public static final JourneyStage PURCHASE = new JourneyStage("purchase", 2);
    /** The customer gets started and uses the offering (order 3). */
    public static final JourneyStage ONBOARDING = new JourneyStage("onboarding", 3);
    /** The customer seeks help (order 4). */
    public static final JourneyStage SUPPORT = new JourneyStage("support", 4);
    /** The customer renews or buys again (order 5). */
    public static final JourneyStage RETENTION = new JourneyStage("retention", 5);
    /** The customer recommends the offering (order 6). */
    public static final JourneyStage ADVOCACY = new JourneyStage("advocacy", 6);

    private static final List<JourneyStage> DEFAULTS = List.of(
            AWARENESS, CONSIDERATION, PURCHASE, ONBOARDING, SUPPORT, RETENTION, ADVOCACY);
    private static final Comparator<JourneyStage> ORDER =
            Comparator.comparingInt(JourneyStage::order).thenComparing(JourneyStage::name);

    /**
     * Validates the components.
     *
     * @param name the name; see the class comment
     * @param order the order; see the class comment
     * @throws IllegalArgumentException if the name is missing or blank ({@link InvalidInputException})
     *     or the order negative
     */
    public JourneyStage {
        Check.notBlank(name, "journey stage name");
        if (order < 0) {
            throw new IllegalArgumentException("journey stage order must be >= 0: " + order);
        }
    }

    /**
     * Returns a stage; equal to a default stage if name and order match one.
     *
     * @param name the stage name; not blank
     * @param order the position on the journey, {@code >= 0}
     * @return the stage
     */
    public static JourneyStage of(String name, int order) {
        JourneyStage s = new JourneyStage(name, order);
        return DEFAULTS.contains(s) ? DEFAULTS.get(order) : s;
    }

    /**
     * Returns the seven default stages in journey order.
     *
     * @return an unmodifiable list, {@link #AWARENESS} first
     */
    public static List<JourneyStage> defaults() {
        return DEFAULTS;
    }

    /**
     * Compares by order, then by name.
     *
     * @param other the other stage
     * @return negative, zero or positive as this stage comes before, with or after {@code other}
     */
    @Override
    public int compareTo(JourneyStage other) {
        return ORDER.compare(this, other);
    }

    /**
     * Returns e.g. {@code purchase(2)}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return name + "(" + order + ")";
    }
}
