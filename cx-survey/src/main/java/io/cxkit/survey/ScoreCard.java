package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;

/**
 * The three headline scores of one segment side by side — NPS, CSAT and CES — as one accumulator.
 * Each is fed from its own question of a {@link SurveyResponse} ({@link SurveyQuestions}); a
 * response that lacks the answer counts as missing for that score only.
 *
 * <p>The parts are ordinary accumulators ({@link #nps()}, {@link #csat()}, {@link #ces()}) and can
 * be fed directly on a hot path. Combining checks all three configurations before changing any.
 */
public final class ScoreCard implements Accumulator<ScoreCard, ScoreCardResult> {
    private static final String TYPE = "scorecard";
    private final SurveyQuestions questions;
    private final NetPromoterScore nps;
    private final CustomerSatisfaction csat;
    private final CustomerEffort ces;

    private ScoreCard(SurveyQuestions questions, NetPromoterScore nps, CustomerSatisfaction csat,
            CustomerEffort ces) {
        this.questions = Check.notNull(questions, "questions");
        this.nps = Check.notNull(nps, "nps");
        this.csat = Check.notNull(csat, "csat");
        this.ces = Check.notNull(ces, "ces");
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
     * Observes a response: each configured score takes its answer or counts it missing.
     *
     * @param response the response
     * @throws IllegalArgumentException if an answer is off its scale, naming the respondent
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
     * @throws IllegalArgumentException if an answer is off its scale or missing under the FAIL
     *     policy, naming the respondent
     */
    public void validate(SurveyResponse response) {
        Check.notNull(response, "response");
        try {
            questions.nps().ifPresent(q -> nps.check(response.answers().get(q)));
            questions.csat().ifPresent(q -> csat.check(response.answers().get(q)));
            questions.ces().ifPresent(q -> ces.check(response.answers().get(q)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("respondent " + response.respondentId() + ": " + e.getMessage(), e);
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
        return new ScoreCard(questions, nps.emptyCopy(), csat.emptyCopy(), ces.emptyCopy());
    }

    @Override
    public ScoreCard self() {
        return this;
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
