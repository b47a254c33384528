package io.cxkit.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How observations are split into segments: by zero or more attributes (touchpoint, channel,
 * region, …) and optionally by a calendar period in an explicit time zone. The segment key's parts
 * are the attribute values in the order given, followed by the period label (e.g.
 * {@code web|2026-03}).
 *
 * <pre>{@code
 * Segmentation s = Segmentation.of("touchpoint", "channel").period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"));
 * SegmentKey k = s.keyOf(Map.of("touchpoint", "checkout", "channel", "web"), time, "row 17");
 * }</pre>
 *
 * @param attributes the attribute names, in key order (may be empty)
 * @param grain the calendar period, if segments are split by time
 * @param zone the time zone that defines period boundaries (used only with a grain)
 */
public record Segmentation(List<String> attributes, Optional<TimeGrain> grain, ZoneId zone) {

    /**
     * Validates and copies the components.
     *
     * @param attributes attribute names
     * @param grain optional period
     * @param zone time zone
     */
    public Segmentation {
        Check.notNull(attributes, "attributes");
        Check.notNull(grain, "grain");
        Check.notNull(zone, "zone");
        List<String> copy = new ArrayList<>();
        for (String a : attributes) {
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("segment attribute name must not be blank: '" + a + "'");
            }
            if (copy.contains(a)) {
                throw new IllegalArgumentException("segment attribute named twice: '" + a + "'");
            }
            copy.add(a);
        }
        attributes = List.copyOf(copy);
    }

    /**
     * No segmentation: a single overall segment.
     *
     * @return the segmentation with no attributes and no period
     */
    public static Segmentation create() {
        return new Segmentation(List.of(), Optional.empty(), ZoneId.of("UTC"));
    }

    /**
     * Segments by the given attributes.
     *
     * @param attributes attribute names, in key order
     * @return the segmentation
     */
    public static Segmentation of(String... attributes) {
        return new Segmentation(List.of(attributes), Optional.empty(), ZoneId.of("UTC"));
    }

    /**
     * Adds a calendar period as the last key part.
     *
     * @param grain the period
     * @param zone the zone in which period boundaries fall
     * @return a new segmentation
     */
    public Segmentation period(TimeGrain grain, ZoneId zone) {
        return new Segmentation(attributes, Optional.of(Check.notNull(grain, "grain")), zone);
    }

    /**
     * Names of the key parts: the attributes, then {@code "period"} when split by time.
     *
     * @return the part names
     */
    public List<String> partNames() {
        if (grain.isEmpty()) {
            return attributes;
        }
        List<String> names = new ArrayList<>(attributes);
        names.add("period");
        return List.copyOf(names);
    }

    /**
     * Whether the segmentation is trivial (one overall segment).
     *
     * @return true with no attributes and no period
     */
    public boolean isNone() {
        return attributes.isEmpty() && grain.isEmpty();
    }

    /**
     * The segment key of one observation.
     *
     * @param values the observation's attribute values
     * @param time the observation's time; required when a period is set
     * @param where a description of the observation for error messages, e.g. {@code "respondent r17"}
     * @return the key
     * @throws IllegalArgumentException if an attribute or the time is missing (naming which and where)
     */
    public SegmentKey keyOf(Map<String, String> values, Instant time, String where) {
        String[] parts = new String[attributes.size() + (grain.isPresent() ? 1 : 0)];
        for (int i = 0; i < attributes.size(); i++) {
            String v = values.get(attributes.get(i));
            if (v == null) {
                throw new IllegalArgumentException(
                        where + " has no value for segment attribute '" + attributes.get(i) + "'");
            }
            parts[i] = v;
        }
        if (grain.isPresent()) {
            if (time == null) {
                throw new IllegalArgumentException(where + " has no time, needed to segment by "
                        + grain.get().name().toLowerCase(java.util.Locale.ROOT));
            }
            parts[parts.length - 1] = grain.get().bucketOf(time, zone).label();
        }
        return SegmentKey.of(parts);
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "Segmentation[overall]";
        }
        return "Segmentation[" + String.join(", ", attributes)
                + grain.map(g -> (attributes.isEmpty() ? "" : ", ") + g.name().toLowerCase(java.util.Locale.ROOT)
                        + " in " + zone).orElse("") + "]";
    }
}
