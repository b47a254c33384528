package io.cxkit.journey.paths;

import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels path accumulators count touchpoints under when they run through a touchpoint catalog
 * ({@code throughCatalog}): each catalog touchpoint's segment at one level (stage, area, channel),
 * {@value TouchpointCatalog#UNKNOWN} for every other touchpoint. Held as the plain map so that it
 * can be compared (accumulators combine only with the same labels) and written into an encoding.
 *
 * @param level the level the labels are of
 * @param segments touchpoint id to its segment, for every touchpoint of the catalog
 */
record CatalogLabels(TouchpointCatalog.Level level, Map<String, String> segments) {

    CatalogLabels {
        Check.notNull(level, "level");
        segments = Map.copyOf(segments);
    }

    /** The labels of a catalog at a level. */
    static CatalogLabels of(TouchpointCatalog catalog, TouchpointCatalog.Level level) {
        Check.notNull(catalog, "catalog");
        Check.notNull(level, "level");
        Map<String, String> m = new TreeMap<>();
        for (Touchpoint t : catalog.touchpoints()) {
            m.put(t.id(), catalog.segment(t.id(), level));
        }
        return new CatalogLabels(level, m);
    }

    /** The label of a touchpoint: its segment, or {@value TouchpointCatalog#UNKNOWN}. */
    String label(String touchpoint) {
        return segments.getOrDefault(touchpoint, TouchpointCatalog.UNKNOWN);
    }

    /** Whether a touchpoint can be counted under {@code name}: a segment, or {@value TouchpointCatalog#UNKNOWN}. */
    boolean isLabel(String name) {
        return name.equals(TouchpointCatalog.UNKNOWN) || segments.containsValue(name);
    }

    /** The labels touchpoints are counted under, sorted, each once (without the unknown label). */
    java.util.SortedSet<String> labels() {
        return new java.util.TreeSet<>(segments.values());
    }

    /** Appends the level and the pairs, sorted by touchpoint. */
    void write(Encoding.Writer w) {
        w.putString(level.name()).putInt(segments.size());
        new TreeMap<>(segments).forEach((t, s) -> w.putString(t).putString(s));
    }

    /** Reads what {@link #write} wrote. */
    static CatalogLabels read(Encoding.Reader in) {
        TouchpointCatalog.Level level = in.getEnum(TouchpointCatalog.Level.class, "catalog level");
        int n = in.getSize("catalog touchpoint count", 8);
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String t = in.getString();
            String s = in.getString();
            if (t.isBlank() || s.isBlank() || m.put(t, s) != null) {
                throw in.corrupt("has a blank or repeated catalog touchpoint '" + t + "' -> '" + s + "'");
            }
        }
        return new CatalogLabels(level, m);
    }

    /** Returns e.g. {@code through a touchpoint catalog by stage (12 touchpoints)}. */
    @Override
    public String toString() {
        return "through a touchpoint catalog by " + level.label() + " (" + segments.size() + " touchpoints)";
    }
}
