package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column holds which field of a survey response. A role left unset is found automatically
 * by the common header names of survey tools' exports (see {@link #auto()}); names are compared
 * case-insensitively and ignoring spaces and punctuation, so {@code "Likelihood to recommend"}
 * matches {@code likelihood_to_recommend}.
 *
 * <p>Score columns are also found by question wording (a header or Qualtrics question text
 * containing "recommend" or "nps" for NPS, "satisf" or "csat" for CSAT, "easy", "easier" or
 * "effort" for CES), except text and category columns (with the words why, text, other, open,
 * group, band, class, date, time, type, or words starting comment, reason, specif, explain,
 * feedback, suggest, categor, segment, label) and Qualtrics' {@code *_NPS_GROUP}. When two or
 * more columns qualify for one score (or the weight), that is an error listing them: name one, or
 * switch the role off with {@link #without(Role)}. For the time, the preferred name wins ({@link Role#knownNames()} order).
 *
 * <pre>{@code
 * ColumnMapping m = ColumnMapping.auto().with(ColumnMapping.Role.NPS, "Q3 - Recommend");
 * ColumnMapping p = ColumnMapping.parse("nps=Likelihood to recommend,weight=none");
 * }</pre>
 *
 * @param explicit the columns named explicitly, by role
 * @param disabled the roles switched off (never read, even when a column looks like one)
 */
public record ColumnMapping(Map<Role, String> explicit, Set<Role> disabled) {

    /** The fields a survey row can carry. */
    public enum Role {
        /** The 0–10 recommend answer. */
        NPS("NPS", List.of("nps", "npsscore", "netpromoterscore", "netpromoter", "likelihoodtorecommend",
                "recommend", "ltr", "recommendscore"),
                List.of("recommend", "nps")),
        /** The satisfaction rating. */
        CSAT("CSAT", List.of("csat", "csatscore", "satisfaction", "customersatisfaction", "overallsatisfaction",
                "satisfactionscore"), List.of("satisf", "csat")),
        /** The effort rating. */
        CES("CES", List.of("ces", "cesscore", "effort", "customereffort", "customereffortscore", "effortscore"),
                List.of("easy", "easier", "effort")),
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

        /** Whether a normalised header or question reads like this role's question. */
        boolean wording(String normalized) {
            if (normalized.isEmpty()) {
                return false;
            }
            for (String p : prefixes) {
                if (normalized.contains(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What {@link #parse(String)} reads as "switch this role off". */
    public static final String NONE = "none";
    /** Words (whole) and word stems (prefixes) of text and category columns, never scores by wording. */
    private static final List<String> TEXT_WORDS = List.of("why", "text", "other", "open", "group", "band", "class",
            "date", "time", "type");
    private static final List<String> TEXT_STEMS = List.of("comment", "reason", "specif", "explain", "feedback",
            "suggest", "categor", "segment", "label");

    /**
     * Validates and copies the explicit columns.
     *
     * @param explicit explicit columns by role
     * @param disabled roles switched off; a role cannot be both
     */
    public ColumnMapping {
        Check.notNull(explicit, "explicit");
        Check.notNull(disabled, "disabled");
        Map<Role, String> c = new LinkedHashMap<>();
        explicit.forEach((k, v) -> {
            Check.notNull(k, "role");
            c.put(k, ReaderOptions.columnName(k.key(), v));
        });
        explicit = Map.copyOf(c);
        disabled = Set.copyOf(disabled);
        for (Role r : disabled) {
            if (explicit.containsKey(r)) {
                throw new IllegalArgumentException("role " + r.key() + " cannot be both named ('"
                        + explicit.get(r) + "') and switched off");
            }
        }
    }

    /**
     * A mapping with explicit columns and no role switched off.
     *
     * @param explicit explicit columns by role
     */
    public ColumnMapping(Map<Role, String> explicit) {
        this(explicit, Set.of());
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
        return new ColumnMapping(Map.of(), Set.of());
    }

    /**
     * A mapping from {@code role=column} pairs separated by commas, e.g.
     * {@code "nps=Likelihood to recommend,weight=w"}; roles are {@code nps}, {@code csat},
     * {@code ces}, {@code weight}, {@code time}; the column {@code none} switches the role off.
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
            Role r = role(pair.substring(0, eq).strip());
            String col = pair.substring(eq + 1).strip();
            m = col.equalsIgnoreCase(NONE) ? m.without(r) : m.with(r, col);
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
        Set<Role> off = new HashSet<>(disabled);
        off.remove(role);
        return new ColumnMapping(m, off);
    }

    /**
     * This mapping with one role switched off: no column is read for it, even one that looks like
     * it (e.g. a column named {@code weight} for an unweighted report).
     *
     * @param role the role
     * @return a new mapping
     */
    public ColumnMapping without(Role role) {
        Map<Role, String> m = new LinkedHashMap<>(explicit);
        m.remove(Check.notNull(role, "role"));
        Set<Role> off = new HashSet<>(disabled);
        off.add(role);
        return new ColumnMapping(m, off);
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

    /** The column chosen for a role: its field index (-1: none) and the rule that chose it. */
    record Choice(int index, String rule) {
    }

    /**
     * Resolves every role against an export's header.
     *
     * @param layoutColumns columns the layout defines (normalised names), used before detection
     * @return the choice per role (by ordinal)
     * @throws BadInputException for an explicit column that is missing, or an ambiguous score or
     *     weight column
     */
    Choice[] resolve(ExportHeader h, String source, Map<Role, String> layoutColumns) {
        Choice[] out = new Choice[Role.values().length];
        List<String> names = h.names;
        for (Role r : Role.values()) {
            if (disabled.contains(r)) {
                out[r.ordinal()] = new Choice(-1, "switched off");
                continue;
            }
            String col = explicit.get(r);
            if (col != null) {
                int i = find(names, col);
                String rule = "named";
                if (i < 0) {
                    i = find(h.questions, col);
                    rule = "named by question text";
                }
                if (i < 0) {
                    throw missing(source, r.key(), col, names);
                }
                out[r.ordinal()] = new Choice(i, rule);
                continue;
            }
            String lc = layoutColumns.get(r);
            int li = lc == null ? -1 : ExportHeader.indexOf(names, lc);
            if (li >= 0) {
                out[r.ordinal()] = new Choice(li, h.layout.key() + " layout");
                continue;
            }
            out[r.ordinal()] = detect(r, h, source);
        }
        return out;
    }

    private static Choice detect(Role r, ExportHeader h, String source) {
        List<String> names = h.names;
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>();
        String bestRule = "";
        for (int i = 0; i < names.size(); i++) {
            String n = normalize(names.get(i));
            String q = normalize(h.questions.get(i));
            if (n.endsWith("npsgroup")) {
                continue;
            }
            int rank = r.names.indexOf(n);
            String rule = "header name";
            if (rank < 0 && !h.textual[i] && !isText(names.get(i)) && !isText(h.questions.get(i))) {
                if (r.wording(n) || r.wording(q)) {
                    rank = r.names.size();
                    rule = "question wording";
                }
            }
            if (rank < 0) {
                continue;
            }
            candidates.add("'" + names.get(i) + "' (" + rule + ")");
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
                bestRule = rule;
            }
        }
        if (candidates.size() > 1 && r != Role.TIME) {
            throw BadInputException.file(source, 1, "ambiguous column", "columns " + String.join(", ", candidates)
                    + " all look like " + r.label + "; name one explicitly (" + r.key() + "=COLUMN) or switch "
                    + r.label + " off (" + r.key() + "=none)");
        }
        return new Choice(best, best < 0 ? "not found" : bestRule);
    }

    /** Whether a header or question names a text or category column (by its words, e.g. "Q5_TEXT", "Why…?"). */
    private static boolean isText(String text) {
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})")) {
            if (TEXT_WORDS.contains(t)) {
                return true;
            }
            for (String stem : TEXT_STEMS) {
                if (t.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    static BadInputException missing(String source, String what, String col, List<String> header) {
        String near = closest(col, header).map(n -> " (did you mean '" + n + "'?)").orElse("");
        return BadInputException.file(source, 1, "missing column", "required column '" + col + "' (" + what
                + ") is not in the header" + near
                + "; columns are: " + String.join(", ", header));
    }

    /**
     * The name nearest to a wanted one, for "did you mean" hints: the first name whose normalised
     * form ({@link #normalize}) is within an edit distance of a third of the wanted name's (at
     * least 1); none for wanted names shorter than four letters and digits.
     *
     * @param wanted the name given
     * @param names the names that exist
     * @return the nearest name, or empty when none is near
     */
    public static java.util.Optional<String> closest(String wanted, java.util.Collection<String> names) {
        List<String> header = new ArrayList<>(Check.notNull(names, "names"));
        String w = normalize(Check.notNull(wanted, "wanted"));
        if (w.length() < 4) {
            return java.util.Optional.empty(); // too short to tell a typo from another name
        }
        String best = null;
        int bestD = Math.max(1, w.length() / 3) + 1;
        for (String h : header) {
            String n = normalize(h);
            int d = distance(w, n);
            if (d < bestD && !n.isEmpty()) {
                best = h;
                bestD = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        String off = disabled.isEmpty() ? "" : ", off " + disabled;
        return explicit.isEmpty() && disabled.isEmpty() ? "ColumnMapping[auto]"
                : "ColumnMapping" + explicit + off + " (others auto)";
    }
}
