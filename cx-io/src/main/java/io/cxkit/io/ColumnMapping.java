package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column holds which field of a survey response. A role left unset is found automatically
 * by the common header names of survey tools' exports (see {@link #auto()}); names are compared
 * case-insensitively and ignoring spaces and punctuation, so {@code "Likelihood to recommend"}
 * matches {@code likelihood_to_recommend}.
 *
 * <pre>{@code
 * ColumnMapping m = ColumnMapping.auto().with(ColumnMapping.Role.NPS, "Q3 - Recommend");
 * ColumnMapping p = ColumnMapping.parse("nps=Likelihood to recommend,weight=w");
 * }</pre>
 *
 * @param explicit the columns named explicitly, by role
 */
public record ColumnMapping(Map<Role, String> explicit) {

    /** The fields a survey row can carry. */
    public enum Role {
        /** The 0–10 recommend answer. */
        NPS("NPS", List.of("nps", "npsscore", "netpromoterscore", "netpromoter", "likelihoodtorecommend",
                "recommend", "ltr", "recommendscore"),
                List.of("howlikelyareyoutorecommend", "howlikelyisitthatyouwouldrecommend",
                        "howlikelywouldyoubetorecommend", "likelihoodtorecommend")),
        /** The satisfaction rating. */
        CSAT("CSAT", List.of("csat", "csatscore", "satisfaction", "customersatisfaction", "overallsatisfaction",
                "satisfactionscore"), List.of("howsatisfied", "overallhowsatisfied")),
        /** The effort rating. */
        CES("CES", List.of("ces", "cesscore", "effort", "customereffort", "customereffortscore", "effortscore"),
                List.of("howeasy", "thecompanymadeiteasy", "madeiteasy")),
        /** The survey weight. */
        WEIGHT("weight", List.of("weight", "surveyweight", "sampleweight", "weighting", "wt"), List.of()),
        /** The response time (used to split by period). */
        TIME("time", List.of("time", "timestamp", "respondedat", "submittedat", "submitted", "createdat",
                "completedat", "responsedate", "recordeddate", "enddate", "date", "datetime", "startdate"),
                List.of());

        private final String label;
        private final List<String> names;
        private final List<String> prefixes;

        Role(String label, List<String> names, List<String> prefixes) {
            this.label = label;
            this.names = names;
            this.prefixes = prefixes;
        }

        /**
         * The role's name as used in messages and in {@link #parse(String)} (lower case).
         *
         * @return the key, e.g. {@code "nps"}
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Header names that are recognised for this role (normalised: lower case, letters and
         * digits only), in order of preference.
         *
         * @return the names
         */
        public List<String> knownNames() {
            return names;
        }

        int rank(String normalized) {
            int i = names.indexOf(normalized);
            if (i >= 0) {
                return i;
            }
            for (String p : prefixes) {
                if (normalized.startsWith(p) || (p.length() > 8 && normalized.contains(p))) {
                    return names.size();
                }
            }
            return -1;
        }
    }

    /**
     * Validates and copies the explicit columns.
     *
     * @param explicit explicit columns by role
     */
    public ColumnMapping {
        Check.notNull(explicit, "explicit");
        Map<Role, String> c = new LinkedHashMap<>();
        explicit.forEach((k, v) -> {
            Check.notNull(k, "role");
            c.put(k, ReaderOptions.columnName(k.key(), v));
        });
        explicit = Map.copyOf(c);
    }

    /**
     * Every role found by header name: NPS ({@code NPS}, {@code Likelihood to recommend},
     * {@code How likely are you to recommend…}), CSAT ({@code CSAT}, {@code Satisfaction},
     * {@code How satisfied…}), CES ({@code CES}, {@code Effort}, {@code How easy…}), weight
     * ({@code weight}) and time ({@code timestamp}, {@code time}, {@code date}, {@code RecordedDate},
     * …).
     *
     * @return the automatic mapping
     */
    public static ColumnMapping auto() {
        return new ColumnMapping(Map.of());
    }

    /**
     * A mapping from {@code role=column} pairs separated by commas, e.g.
     * {@code "nps=Likelihood to recommend,weight=w"}; roles are {@code nps}, {@code csat},
     * {@code ces}, {@code weight}, {@code time}.
     *
     * @param spec the pairs
     * @return the mapping (unnamed roles automatic)
     * @throws IllegalArgumentException for an unknown role or a pair without {@code =}
     */
    public static ColumnMapping parse(String spec) {
        Check.notNull(spec, "spec");
        ColumnMapping m = auto();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("column mapping must be role=column: '" + pair.strip() + "'");
            }
            m = m.with(role(pair.substring(0, eq).strip()), pair.substring(eq + 1).strip());
        }
        return m;
    }

    private static Role role(String key) {
        for (Role r : Role.values()) {
            if (r.key().equalsIgnoreCase(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("column mapping role must be one of nps, csat, ces, weight, time: '"
                + key + "'");
    }

    /**
     * This mapping with one role set explicitly.
     *
     * @param role the role
     * @param column the header name (matched case- and space-insensitively)
     * @return a new mapping
     */
    public ColumnMapping with(Role role, String column) {
        Map<Role, String> m = new LinkedHashMap<>(explicit);
        m.put(Check.notNull(role, "role"), column);
        return new ColumnMapping(m);
    }

    /**
     * The explicit column of a role.
     *
     * @param role the role
     * @return the column, or empty when the role is found automatically
     */
    public Optional<String> column(Role role) {
        return Optional.ofNullable(explicit.get(role));
    }

    /**
     * Normalises a header name for matching: lower case, letters and digits only.
     *
     * @param name the name
     * @return the normalised name
     */
    public static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.strip().toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * Finds a column by name in a header, case- and space-insensitively (exact match first).
     *
     * @param header the header
     * @param name the wanted column
     * @return its index, or -1
     */
    static int find(List<String> header, String name) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        String n = normalize(name);
        for (int i = 0; i < header.size(); i++) {
            if (normalize(header.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Resolves every role against a header.
     *
     * @return index per role (by ordinal), -1 when absent
     * @throws BadInputException for an explicit column that is missing, or an ambiguous score column
     */
    int[] resolve(List<String> header, String source) {
        int[] idx = new int[Role.values().length];
        for (Role r : Role.values()) {
            String col = explicit.get(r);
            if (col != null) {
                idx[r.ordinal()] = find(header, col);
                if (idx[r.ordinal()] < 0) {
                    throw missing(source, r.key(), col, header);
                }
                continue;
            }
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            List<String> ties = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                int rank = r.rank(normalize(header.get(i)));
                if (rank < 0) {
                    continue;
                }
                if (rank < bestRank) {
                    best = i;
                    bestRank = rank;
                    ties.clear();
                    ties.add(header.get(i));
                } else if (rank == bestRank) {
                    ties.add(header.get(i));
                }
            }
            if (ties.size() > 1 && r != Role.TIME) {
                throw BadInputException.file(source, 1, "ambiguous column", "columns " + String.join(", ", ties)
                        + " all look like " + r.label + "; name one explicitly (" + r.key() + "=COLUMN)");
            }
            idx[r.ordinal()] = best;
        }
        return idx;
    }

    static BadInputException missing(String source, String what, String col, List<String> header) {
        return BadInputException.file(source, 1, "missing column", "required column '" + col + "' (" + what
                + ") is not in the header; columns are: " + String.join(", ", header));
    }

    @Override
    public String toString() {
        return explicit.isEmpty() ? "ColumnMapping[auto]" : "ColumnMapping" + explicit + " (others auto)";
    }
}
