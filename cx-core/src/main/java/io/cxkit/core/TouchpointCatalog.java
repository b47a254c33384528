package io.cxkit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which channel, journey stage and CX area each touchpoint belongs to: the master data that lets
 * journey and survey reports break results down by stage ("where in the journey") and by CX area
 * ("which team owns it") instead of by raw touchpoint id.
 *
 * <pre>{@code
 * TouchpointCatalog catalog = TouchpointCatalog.of(List.of(
 *         Touchpoint.of("checkout", "Checkout page", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES),
 *         Touchpoint.of("hotline", "Support hotline", Channel.PHONE, JourneyStage.SUPPORT, CxArea.SUPPORT)));
 * catalog.segment("checkout", TouchpointCatalog.Level.AREA);   // "sales"
 * catalog.segment("kiosk", TouchpointCatalog.Level.STAGE);     // "(not in catalog)"
 * }</pre>
 *
 * <p>Survey scores (or any {@link SegmentedAccumulator}) segmented by a touchpoint column become
 * scores by stage or area with {@link #rollUp(int, Level)}:
 * {@code byTouchpoint.rollUp(catalog.rollUp(0, Level.AREA))} merges the touchpoints of each area.
 *
 * <p>A touchpoint the catalog does not hold is never dropped: {@link #segment} puts it in the
 * segment {@value #UNKNOWN}, so every journey or response still counts, and reports list the
 * touchpoints that fell there ({@link #unknown(Collection)}). Immutable and thread-safe.
 */
public final class TouchpointCatalog {
    /** The segment of a touchpoint the catalog does not hold: {@value}. */
    public static final String UNKNOWN = "(not in catalog)";

    /** What a catalog segments touchpoints by. */
    public enum Level {
        /** The journey stage, by its name ({@code "purchase"}). */
        STAGE,
        /** The CX area, by its {@link CxArea#label()} ({@code "supporting systems"}). */
        AREA,
        /** The channel, by its name ({@code "web"}). */
        CHANNEL;

        /**
         * The level's name as command lines and reports spell it.
         *
         * @return {@code "stage"}, {@code "area"} or {@code "channel"}
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, Touchpoint> byId;
    private final List<Touchpoint> ordered;

    private TouchpointCatalog(Map<String, Touchpoint> byId) {
        this.byId = Map.copyOf(byId);
        List<Touchpoint> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Touchpoint::id));
        this.ordered = List.copyOf(list);
    }

    /**
     * A catalog of the given touchpoints.
     *
     * @param touchpoints the touchpoints, each id at most once
     * @return the catalog
     * @throws NullPointerException if the collection or one of its touchpoints is null
     * @throws IllegalArgumentException if an id appears twice
     */
    public static TouchpointCatalog of(Collection<Touchpoint> touchpoints) {
        Check.notNull(touchpoints, "touchpoints");
        Map<String, Touchpoint> byId = new HashMap<>();
        int i = 0;
        for (Touchpoint t : touchpoints) {
            Check.notNull(t, "touchpoints[" + i + "]");
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("touchpoint ids must be unique in a catalog: '" + t.id()
                        + "' appears twice");
            }
            i++;
        }
        return new TouchpointCatalog(byId);
    }

    /**
     * The number of touchpoints.
     *
     * @return the count
     */
    public int size() {
        return ordered.size();
    }

    /**
     * The touchpoints, by id.
     *
     * @return the touchpoints in id order
     */
    public List<Touchpoint> touchpoints() {
        return ordered;
    }

    /**
     * The touchpoint with the given id.
     *
     * @param touchpointId the id, as events and survey responses name it
     * @return the touchpoint, or empty if the catalog does not hold it
     */
    public Optional<Touchpoint> find(String touchpointId) {
        return touchpointId == null ? Optional.empty() : Optional.ofNullable(byId.get(touchpointId));
    }

    /**
     * The segment a touchpoint falls in at a level: its stage name, CX area label or channel name,
     * or {@value #UNKNOWN} when the catalog does not hold it.
     *
     * @param touchpointId the touchpoint id
     * @param level stage, area or channel
     * @return the segment name
     * @throws NullPointerException if {@code level} is null
     */
    public String segment(String touchpointId, Level level) {
        Check.notNull(level, "level");
        Touchpoint t = touchpointId == null ? null : byId.get(touchpointId);
        if (t == null) {
            return UNKNOWN;
        }
        return switch (level) {
            case STAGE -> t.stage().name();
            case AREA -> t.area().label();
            case CHANNEL -> t.channel().name();
        };
    }

    /**
     * A segment-key mapping for {@link SegmentedAccumulator#rollUp}: part {@code part} of a key, a
     * touchpoint id, becomes its segment at {@code level} (other parts are kept), so the segments of
     * the touchpoints of one stage or area merge into one.
     *
     * @param part the index of the key part that holds the touchpoint id, {@code >= 0}
     * @param level stage, area or channel
     * @return the mapping; it throws {@link IllegalArgumentException} for a key without that part
     * @throws NullPointerException if {@code level} is null
     * @throws IllegalArgumentException if {@code part} is negative
     */
    public UnaryOperator<SegmentKey> rollUp(int part, Level level) {
        Check.notNull(level, "level");
        if (part < 0) {
            throw new IllegalArgumentException("roll-up needs a key part >= 0 and a level: " + part + ", " + level);
        }
        return key -> {
            List<String> parts = key.parts();
            if (part >= parts.size()) {
                throw new IllegalArgumentException("segment key " + key + " has no part " + part
                        + " to hold a touchpoint id");
            }
            String[] out = parts.toArray(new String[0]);
            out[part] = segment(out[part], level);
            return SegmentKey.of(out);
        };
    }

    /**
     * The ids among {@code touchpointIds} that the catalog does not hold, for reports to list.
     *
     * @param touchpointIds ids seen in the data
     * @return the unknown ones, sorted, each once
     */
    public List<String> unknown(Collection<String> touchpointIds) {
        Check.notNull(touchpointIds, "touchpointIds");
        return touchpointIds.stream().filter(t -> t == null || !byId.containsKey(t)).map(String::valueOf).distinct()
                .sorted().toList();
    }

    /**
     * Returns e.g. {@code TouchpointCatalog[12 touchpoints, 5 stages, 4 areas]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        long stages = ordered.stream().map(Touchpoint::stage).distinct().count();
        long areas = ordered.stream().map(Touchpoint::area).distinct().count();
        return "TouchpointCatalog[" + ordered.size() + " touchpoints, " + stages + " stages, " + areas + " areas]";
    }
}
