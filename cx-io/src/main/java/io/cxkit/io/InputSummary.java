package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link SurveyReader} read an export, beyond the counts of {@link SurveyReadResult}: the
 * layout, the rows left out by a rule (not errors: Qualtrics previews and unfinished responses,
 * rows outside a {@code where} filter), why each column was chosen, the weighting and the scale of
 * each score.
 *
 * @param layout the export layout used, e.g. {@code qualtrics}
 * @param excluded rows left out by rule, per rule (e.g. {@code Status=Survey Preview}), in order
 *     of first occurrence
 * @param rules per role ({@code nps}, {@code csat}, {@code ces}, {@code weight}, {@code time}) the
 *     rule that chose its column: {@code named}, {@code named by question text},
 *     {@code header name}, {@code question wording}, {@code <layout> layout}; roles without a
 *     column are absent
 * @param weight the weight column, or {@code unweighted}
 * @param scales per score read, its scale in words, e.g. {@code 1-5, satisfied >= 4}
 * @param timeZone the zone of times written without an offset (an export's own zone when it
 *     states one), or empty when no time was read
 * @param touchpoints how the touchpoint column was rolled up through a touchpoint catalog, when it was
 *     ({@link SurveyReader.Builder#touchpointCatalog})
 */
public record InputSummary(String layout, Map<String, Long> excluded, Map<String, String> rules, String weight,
        Map<String, String> scales, String timeZone, Optional<TouchpointRollUp> touchpoints) {

    /**
     * Validates and copies the components.
     *
     * @param layout layout
     * @param excluded excluded
     * @param rules rules
     * @param weight weight
     * @param scales scales
     * @param timeZone time zone
     * @param touchpoints the touchpoint roll-up, or empty
     */
    public InputSummary {
        Check.notNull(layout, "layout");
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(excluded, "excluded")));
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(rules, "rules")));
        Check.notNull(weight, "weight");
        scales = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(scales, "scales")));
        Check.notNull(timeZone, "timeZone");
        Check.notNull(touchpoints, "touchpoints");
    }

    /**
     * A summary without a touchpoint roll-up.
     *
     * @param layout layout
     * @param excluded excluded
     * @param rules rules
     * @param weight weight
     * @param scales scales
     * @param timeZone time zone
     */
    public InputSummary(String layout, Map<String, Long> excluded, Map<String, String> rules, String weight,
            Map<String, String> scales, String timeZone) {
        this(layout, excluded, rules, weight, scales, timeZone, Optional.empty());
    }

    /**
     * The summary of a plain read without exclusions (for results made before summaries existed).
     *
     * @param weight the weight column or {@code unweighted}
     * @return the summary
     */
    public static InputSummary of(String weight) {
        return new InputSummary(ExportLayout.PLAIN.key(), Map.of(), Map.of(), weight, Map.of(), "");
    }

    /**
     * Rows left out by rule, all rules together.
     *
     * @return the sum of {@link #excluded()}
     */
    public long excludedTotal() {
        long n = 0;
        for (long v : excluded.values()) {
            n += v;
        }
        return n;
    }

    @Override
    public String toString() {
        return "InputSummary[layout=" + layout + ", excluded=" + excluded + ", rules=" + rules + ", weight=" + weight
                + ", scales=" + scales + (timeZone.isEmpty() ? "" : ", timeZone=" + timeZone)
                + touchpoints.map(t -> ", touchpoints=" + t).orElse("") + "]";
    }
}
