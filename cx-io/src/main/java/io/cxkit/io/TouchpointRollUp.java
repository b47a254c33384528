package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.core.TouchpointCatalog;
import java.util.List;

/**
 * How a survey read rolled its touchpoint column up through a touchpoint catalog
 * ({@link SurveyReader.Builder#touchpointCatalog}): which column held the touchpoints, the level
 * the scores are by, and the touchpoints seen that the catalog does not hold (their responses count
 * under {@value TouchpointCatalog#UNKNOWN}).
 *
 * @param catalog the catalog's name as given to the reader, e.g. its file
 * @param catalogTouchpoints touchpoints the catalog holds, {@code >= 0}
 * @param column the header name of the touchpoint column
 * @param level stage, area or channel
 * @param notInCatalog touchpoints in the counted rows that the catalog does not hold, sorted
 */
public record TouchpointRollUp(String catalog, int catalogTouchpoints, String column, TouchpointCatalog.Level level,
        List<String> notInCatalog) {

    /**
     * Validates and copies the components.
     *
     * @param catalog catalog
     * @param catalogTouchpoints catalog touchpoints
     * @param column column
     * @param level level
     * @param notInCatalog touchpoints not in the catalog
     * @throws IllegalArgumentException if {@code catalogTouchpoints} is negative
     */
    public TouchpointRollUp {
        Check.notNull(catalog, "catalog");
        Check.notNull(column, "column");
        Check.notNull(level, "level");
        notInCatalog = List.copyOf(Check.notNull(notInCatalog, "notInCatalog"));
        if (catalogTouchpoints < 0) {
            throw new IllegalArgumentException("catalogTouchpoints must be >= 0: " + catalogTouchpoints);
        }
    }

    /**
     * Returns e.g. {@code TouchpointRollUp[column 'touchpoint' by stage through catalog.csv (12 touchpoints),
     * 1 not in catalog]}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TouchpointRollUp[column '" + column + "' by " + level.label() + " through " + catalog + " ("
                + catalogTouchpoints + " touchpoints), " + notInCatalog.size() + " not in catalog]";
    }
}
