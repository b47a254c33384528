package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three headline scores of one segment side by side — NPS, CSAT and CES — as one accumulator.
 * Each is fed from its own question of a {@link SurveyResponse} ({@link SurveyQuestions}); a
 * response that lacks the answer counts as missing for that score only.
 *
 * <p>The parts are ordinary accumulators ({@link #nps()}, {@link #csat()}, {@link #ces()}) and can
 * be fed directly on a hot path. Combining checks all three configurations before changing any.
 *
 * <p><b>Strict answer keys.</b> {@link #accept(SurveyResponse)} and
 * {@link #validate(SurveyResponse)} reject a response that carries an answer under a question id
 * the card does not know, with an {@link InvalidInputException} listing the known ids, so that a
 * typo such as {@code withAnswer("NPS", 9)} cannot count silently as a missing NPS answer. The
 * known ids are the card's {@link SurveyQuestions} plus any declared with
 * {@link #allowingAnswers(String...)} (e.g. driver questions carried on the same response);
 * {@link #ignoringUnknownAnswers()} ignores other keys instead. Strictness is an input rule, not state: it is kept by {@link #emptyCopy()}, ignored
 * by {@link #combine(ScoreCard)} and not encoded ({@link #decode(byte[])} returns a strict card).
 */
public final class ScoreCard implements Accumulator<ScoreCard, ScoreCardResult> {
    private static final String TYPE = "scorecard";
    private final SurveyQuestions questions;
    private final NetPromoterScore nps;
    private final CustomerSatisfaction csat;
    private final CustomerEffort ces;
    /** Answer keys accepted besides the questions; null when unknown keys are ignored. */
    private final Set<String> otherAnswers;
    /** The question ids and {@link #otherAnswers}, sorted; null when unknown keys are ignored. */
    private final Set<String> known;

    private ScoreCard(SurveyQuestions questions, NetPromoterScore nps, CustomerSatisfaction csat,
            CustomerEffort ces) {
        this(questions, nps, csat, ces, Set.of());
    }

    private ScoreCard(SurveyQuestions questions, NetPromoterScore nps, CustomerSatisfaction csat,
            CustomerEffort ces, Set<String> otherAnswers) {
        this.questions = Check.notNull(questions, "questions");
        this.nps = Check.notNull(nps, "nps");
        this.csat = Check.notNull(csat, "csat");
        this.ces = Check.notNull(ces, "ces");
        this.otherAnswers = otherAnswers;
        if (otherAnswers == null) {
            this.known = null;
        } else {
            Set<String> k = new TreeSet<>(questions.ids());
            k.addAll(otherAnswers);
            this.known = Collections.unmodifiableSet(k);
        }
    }

    /**
     * A score card with the standard question ids and default scales (NPS 0–10 standard bands, CSAT
     * 1–5 top-2 box, CES 1–7), excluding missing answers.
     *
     * @return a new score card
     */
    public static ScoreCard create() {
        return of(SurveyQuestions.standard(), NetPromoterScore.create(), CustomerSatisfaction.create(),
                CustomerEffort.create());
    }

    /**
     * A score card with the given questions and configured (empty copies of the) accumulators.
     *
     * @param questions which question feeds which score
     * @param nps the NPS configuration
     * @param csat the CSAT configuration
     * @param ces the CES configuration
     * @return a new, empty score card
     */
    public static ScoreCard of(SurveyQuestions questions, NetPromoterScore nps, CustomerSatisfaction csat,
            CustomerEffort ces) {
        return new ScoreCard(questions, nps.emptyCopy(), csat.emptyCopy(), ces.emptyCopy());
    }

    /**
     * Returns an empty copy that also accepts answers under the given question ids (which feed no
     * score here), for responses that carry more questions than the card scores.
     *
     * @param questionIds further known answer keys, not blank
     * @return a new, empty, strict score card
     * @throws IllegalArgumentException if an id is null or blank
     */
    public ScoreCard allowingAnswers(String... questionIds) {
        Check.notNull(questionIds, "questionIds");
        Set<String> ids = new LinkedHashSet<>(otherAnswers == null ? Set.of() : otherAnswers);
        for (String id : questionIds) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("allowed answer id must not be blank: "
                        + (id == null ? "null" : "'" + id + "'"));
            }
            ids.add(id);
        }
        return new ScoreCard(questions, nps.emptyCopy(), csat.emptyCopy(), ces.emptyCopy(), Set.copyOf(ids));
    }

    /**
     * Returns an empty copy that ignores answers under unknown question ids, as score cards did
     * before strict answer keys (a misspelt id then counts as a missing answer).
     *
     * @return a new, empty, lenient score card
     */
    public ScoreCard ignoringUnknownAnswers() {
        return new ScoreCard(questions, nps.emptyCopy(), csat.emptyCopy(), ces.emptyCopy(), null);
    }

    /**
     * The answer keys this card accepts: its question ids and those declared with
     * {@link #allowingAnswers(String...)}.
     *
     * @return the known ids, sorted; or empty when unknown answers are ignored (any key goes)
     */
    public Set<String> knownAnswers() {
        return known == null ? Set.of() : known;
    }

    /**
     * Observes a response: each configured score takes its answer or counts it missing.
     *
     * @param response the response
     * @throws InvalidInputException if an answer is off its scale or carries an unknown question id
     *     (see the class comment), naming the respondent
     */
    public void accept(SurveyResponse response) {
        validate(response);
        questions.nps().ifPresent(q -> feed(nps, response, q));
        questions.csat().ifPresent(q -> feed(csat, response, q));
        questions.ces().ifPresent(q -> feed(ces, response, q));
    }

    /**
     * Checks that {@link #accept(SurveyResponse)} would take the response, without counting it.
     *
     * @param response the response
     * @throws InvalidInputException if an answer is off its scale, missing under the FAIL policy or
     *     under an unknown question id, naming the respondent
     */
    public void validate(SurveyResponse response) {
        Check.notNull(response, "response");
        if (known != null) {
            for (String key : response.answers().keySet()) {
                if (!known.contains(key)) {
                    throw new InvalidInputException("respondent " + response.respondentId()
                            + ": unknown question id '" + key + "'; known ids: "
                            + String.join(", ", known)
                            + " (declare others with ScoreCard.allowingAnswers, or use ScoreCard.ignoringUnknownAnswers)");
                }
            }
        }
        try {
            questions.nps().ifPresent(q -> nps.check(response.answers().get(q)));
            questions.csat().ifPresent(q -> csat.check(response.answers().get(q)));
            questions.ces().ifPresent(q -> ces.check(response.answers().get(q)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("respondent " + response.respondentId() + ": " + e.getMessage(), e);
        }
    }

    private static void feed(ScoreAccumulator<?, ?> acc, SurveyResponse r, String question) {
        Integer a = r.answers().get(question);
        boolean weighted = r.weight().isPresent();
        if (a == null) {
            if (weighted) {
                acc.acceptMissing(r.weight().getAsDouble());
            } else {
                acc.acceptMissing();
            }
        } else if (weighted) {
            acc.accept(a, r.weight().getAsDouble());
        } else {
            acc.accept(a);
        }
    }

    /**
     * The NPS part.
     *
     * @return the live NPS accumulator
     */
    public NetPromoterScore nps() {
        return nps;
    }

    /**
     * The CSAT part.
     *
     * @return the live CSAT accumulator
     */
    public CustomerSatisfaction csat() {
        return csat;
    }

    /**
     * The CES part.
     *
     * @return the live CES accumulator
     */
    public CustomerEffort ces() {
        return ces;
    }

    /**
     * The question mapping.
     *
     * @return the questions
     */
    public SurveyQuestions questions() {
        return questions;
    }

    @Override
    public ScoreCard combine(ScoreCard other) {
        Check.notNull(other, "other");
        if (!questions.equals(other.questions)) {
            throw new IncompatibleAccumulatorException("cannot combine score cards with different questions: "
                    + questions + " vs " + other.questions);
        }
        // Check every part before mutating any.
        nps.copy().combine(other.nps);
        csat.copy().combine(other.csat);
        ces.copy().combine(other.ces);
        nps.combine(other.nps);
        csat.combine(other.csat);
        ces.combine(other.ces);
        return this;
    }

    @Override
    public ScoreCardResult result() {
        return new ScoreCardResult(nps.result(), csat.result(), ces.result());
    }

    @Override
    public ScoreCard emptyCopy() {
        return new ScoreCard(questions, nps.emptyCopy(), csat.emptyCopy(), ces.emptyCopy(), otherAnswers);
    }

    @Override
    public ScoreCard copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1);
        w.putString(questions.nps().orElse("")).putString(questions.csat().orElse(""))
                .putString(questions.ces().orElse(""));
        return w.putBytes(nps.encode()).putBytes(csat.encode()).putBytes(ces.encode()).toBytes();
    }

    /**
     * Reads a score card written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded score card
     * @throws IllegalArgumentException if the bytes are not a valid encoding
     */
    public static ScoreCard decode(byte[] bytes) {
        Encoding.Reader r = Encoding.reader(bytes, TYPE, 1);
        String npsQuestion = blankToNull(r.getString());
        String csatQuestion = blankToNull(r.getString());
        String cesQuestion = blankToNull(r.getString());
        SurveyQuestions q = r.valid("question mapping", () -> SurveyQuestions.of(npsQuestion, csatQuestion,
                cesQuestion));
        ScoreCard card = new ScoreCard(q, NetPromoterScore.decode(r.getBytes()),
                CustomerSatisfaction.decode(r.getBytes()), CustomerEffort.decode(r.getBytes()));
        r.end();
        return card;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "ScoreCard[" + result() + "]";
    }
}
