package io.cxkit.io;

import io.cxkit.core.Check;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How answers written as text become scores, for score columns whose cells are not plain numbers.
 * In this order:
 * <ol>
 *   <li>the user's labels ({@link #with(String, int)}, {@link #parse(String)}), compared ignoring
 *       case and repeated spaces;</li>
 *   <li>a leading number followed by a label: {@code 10 - Extremely likely}, {@code 0 = Not at
 *       all likely}, {@code 5 (Very satisfied)}, {@code 1) Poor}, {@code 4 stars} read as the
 *       number; or a label followed by a number: {@code Extremely likely - 10},
 *       {@code Very satisfied (5)};</li>
 *   <li>the standard wordings of a five- or seven-point scale (only on a scale with that many
 *       points; the first point is the scale's minimum): satisfaction ({@code Very dissatisfied}
 *       … {@code Very satisfied}), agreement ({@code Strongly disagree} … {@code Strongly agree})
 *       and ease ({@code Very difficult} … {@code Very easy}); see {@link #wordings(int)};</li>
 *   <li>on a two-point scale, {@code Good}, {@code Good, I'm satisfied}, {@code Satisfied},
 *       {@code Yes} as its maximum and {@code Bad}, {@code Bad, I'm unsatisfied},
 *       {@code Unsatisfied}, {@code Not satisfied}, {@code Dissatisfied}, {@code No} as its minimum,
 *       as help desks rate tickets;</li>
 *   <li>non-answers, read as a missing answer: {@code Offered}, {@code Unoffered} (a help desk
 *       offered the survey, nobody answered), {@code N/A}, {@code Not applicable},
 *       {@code Don't know}, {@code Prefer not to say}.</li>
 * </ol>
 * Anything else is a row error ("non-numeric score"). The labels never change a plain number.
 *
 * <pre>{@code
 * AnswerLabels l = AnswerLabels.standard().with("Loved it", 5).with("Hated it", 1);
 * AnswerLabels p = AnswerLabels.parse("Loved it=5,Hated it=1");
 * }</pre>
 */
public final class AnswerLabels {
    /** What {@link #score} returns for a non-answer (read as a missing answer). */
    static final int NO_ANSWER = Integer.MIN_VALUE + 1;
    /** What {@link #score} returns for text it does not know. */
    static final int UNKNOWN = Integer.MIN_VALUE;
    private static final Pattern LEADING = Pattern.compile(
            "([+-]?\\d{1,3})(?:\\s*[-\u2013\u2014=:)]\\s*|\\s*\\(\\s*|\\s+)(\\p{L}.*)");
    private static final Pattern TRAILING = Pattern.compile(
            "(\\p{L}[^0-9]*?)(?:\\s*[-\u2013\u2014=:]\\s*|\\s*\\(\\s*|\\s+)([+-]?\\d{1,3})\\s*\\)?");
    private static final List<String> GOOD = List.of("good", "good, i'm satisfied", "satisfied", "yes");
    private static final List<String> BAD = List.of("bad", "bad, i'm unsatisfied", "unsatisfied", "not satisfied",
            "dissatisfied", "no");
    private static final List<String> NON_ANSWERS = List.of("offered", "unoffered", "not offered", "n/a", "na",
            "not applicable", "don't know", "dont know", "do not know", "prefer not to say");
    private static final Map<String, Integer> FIVE = new HashMap<>();
    private static final Map<String, Integer> SEVEN = new HashMap<>();

    static {
        five(1, "very dissatisfied", "extremely dissatisfied", "very unsatisfied", "completely dissatisfied",
                "strongly disagree", "very difficult", "extremely difficult");
        five(2, "dissatisfied", "somewhat dissatisfied", "unsatisfied", "disagree", "somewhat disagree",
                "difficult", "somewhat difficult");
        five(3, "neither satisfied nor dissatisfied", "neither dissatisfied nor satisfied", "neutral",
                "neither agree nor disagree", "neither disagree nor agree", "neither easy nor difficult",
                "neither difficult nor easy");
        five(4, "satisfied", "somewhat satisfied", "agree", "somewhat agree", "easy", "somewhat easy");
        five(5, "very satisfied", "extremely satisfied", "completely satisfied", "strongly agree", "very easy",
                "extremely easy");
        seven(1, "very dissatisfied", "extremely dissatisfied", "completely dissatisfied", "strongly disagree",
                "very difficult", "extremely difficult");
        seven(2, "dissatisfied", "moderately dissatisfied", "disagree", "moderately disagree", "difficult",
                "moderately difficult");
        seven(3, "somewhat dissatisfied", "slightly dissatisfied", "somewhat disagree", "slightly disagree",
                "somewhat difficult", "slightly difficult");
        seven(4, "neither satisfied nor dissatisfied", "neither dissatisfied nor satisfied", "neutral",
                "neither agree nor disagree", "neither disagree nor agree", "neither easy nor difficult",
                "neither difficult nor easy");
        seven(5, "somewhat satisfied", "slightly satisfied", "somewhat agree", "slightly agree", "somewhat easy",
                "slightly easy");
        seven(6, "satisfied", "moderately satisfied", "agree", "moderately agree", "easy", "moderately easy");
        seven(7, "very satisfied", "extremely satisfied", "completely satisfied", "strongly agree", "very easy",
                "extremely easy");
    }

    private static final AnswerLabels STANDARD = new AnswerLabels(Map.of());
    private final Map<String, Integer> user;

    private AnswerLabels(Map<String, Integer> user) {
        this.user = Map.copyOf(user);
    }

    private static void five(int point, String... words) {
        for (String w : words) {
            FIVE.put(w, point);
        }
    }

    private static void seven(int point, String... words) {
        for (String w : words) {
            SEVEN.put(w, point);
        }
    }

    /**
     * The built-in rules only (the default of {@link SurveyReader.Builder#labels}).
     *
     * @return the standard labels
     */
    public static AnswerLabels standard() {
        return STANDARD;
    }

    /**
     * The standard labels plus {@code LABEL=SCORE} pairs separated by commas, e.g.
     * {@code "Loved it=5,Hated it=1"} (a label cannot contain a comma or {@code =}).
     *
     * @param spec the pairs
     * @return the labels
     * @throws IllegalArgumentException for a pair without {@code =}, a blank label or a score that
     *     is not a whole number
     */
    public static AnswerLabels parse(String spec) {
        Check.notNull(spec, "spec");
        AnswerLabels l = STANDARD;
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("label must be LABEL=SCORE: '" + pair.strip() + "'");
            }
            String score = pair.substring(eq + 1).strip();
            int s = Cells.wholeNumber(score, false);
            if (s == Cells.NOT_WHOLE) {
                throw new IllegalArgumentException("label score must be a whole number: '" + pair.strip() + "'");
            }
            l = l.with(pair.substring(0, eq), s);
        }
        return l;
    }

    /**
     * These labels with one more (it wins over the built-in rules).
     *
     * @param label the answer text, not blank (compared ignoring case and repeated spaces)
     * @param score the score it stands for
     * @return new labels
     */
    public AnswerLabels with(String label, int score) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank: '" + label + "'");
        }
        Map<String, Integer> m = new LinkedHashMap<>(user);
        m.put(key(label), score);
        return new AnswerLabels(m);
    }

    /**
     * The user's labels, by normalised text (lower case, single spaces).
     *
     * @return the labels added to the standard rules
     */
    public Map<String, Integer> userLabels() {
        return user;
    }

    /**
     * The standard wordings of a scale with this many points, by normalised text, or an empty map.
     *
     * @param points 5 or 7 (others have no standard wordings)
     * @return point (1-based) by wording
     */
    public static Map<String, Integer> wordings(int points) {
        return points == 5 ? Map.copyOf(FIVE) : points == 7 ? Map.copyOf(SEVEN) : Map.of();
    }

    /**
     * The score a text answer stands for on the scale {@code min..max}; {@link #UNKNOWN} or
     * {@link #NO_ANSWER}. The result may be outside the scale (a leading number, a user label):
     * the caller checks the range.
     */
    int score(String text, int min, int max) {
        String k = key(text);
        Integer u = user.get(k);
        if (u != null) {
            return u;
        }
        Matcher m = LEADING.matcher(text);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        Matcher t = TRAILING.matcher(text);
        if (t.matches()) {
            return Integer.parseInt(t.group(2));
        }
        int points = max - min + 1;
        Integer w = points == 5 ? FIVE.get(k) : points == 7 ? SEVEN.get(k) : null;
        if (w != null) {
            return min + w - 1;
        }
        if (points == 2 && (GOOD.contains(k) || BAD.contains(k))) {
            return GOOD.contains(k) ? max : min;
        }
        return NON_ANSWERS.contains(k) ? NO_ANSWER : UNKNOWN;
    }

    private static String key(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        while (!k.isEmpty() && ".!".indexOf(k.charAt(k.length() - 1)) >= 0) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    @Override
    public String toString() {
        return user.isEmpty() ? "AnswerLabels[standard]" : "AnswerLabels[standard + " + user + "]";
    }
}
