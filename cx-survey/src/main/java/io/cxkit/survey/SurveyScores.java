package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.core.Encoding;
import io.cxkit.core.IncompatibleAccumulatorException;
import io.cxkit.core.Segmentation;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.survey.trend.RollingSurveyScores;

/**
 * Scores by segment in one pass: every response feeds the overall {@link ScoreCard} and the score
 * card of its segment (attributes and/or calendar period, see {@link Segmentation}).
 *
 * <pre>{@code
 * SurveyScores scores = SurveyScores.of(ScoreCard.create(),
 *     Segmentation.of("touchpoint").period(TimeGrain.MONTH, ZoneId.of("UTC")));
 * responses.forEach(scores::accept);
 * SurveyScoresResult report = scores.result();
 * report.overall().nps();                                  // all responses
 * report.segments().get(SegmentKey.of("checkout", "2026-03")).csat();
 * }</pre>
 *
 * <p>Memory is bounded by the number of segments. Mergeable like any accumulator; the encoding
 * carries the segmentation's attribute names, grain and zone.
 */
public final class SurveyScores implements Accumulator<SurveyScores, SurveyScoresResult> {
    private static final String TYPE = "survey-scores";
    private final Segmentation segmentation;
    private final ScoreCard overall;
    private final SegmentedAccumulator<ScoreCard, ScoreCardResult> segments;

    private SurveyScores(Segmentation segmentation, ScoreCard overall,
            SegmentedAccumulator<ScoreCard, ScoreCardResult> segments) {
        this.segmentation = segmentation;
        this.overall = overall;
        this.segments = segments;
    }

    /**
     * Scores split by a segmentation.
     *
     * @param prototype the score-card configuration for every segment
     * @param segmentation how to split; {@link Segmentation#create()} for the overall scores only
     * @return a new, empty accumulator
     */
    public static SurveyScores of(ScoreCard prototype, Segmentation segmentation) {
        Check.notNull(prototype, "prototype");
        Check.notNull(segmentation, "segmentation");
        return new SurveyScores(segmentation, prototype.emptyCopy(), SegmentedAccumulator.of(prototype));
    }

    /**
     * Observes one response.
     *
     * @param response the response
     * @throws IllegalArgumentException if an answer is off its scale, or a segment attribute or the
     *     time is missing; nothing is counted for a rejected response
     */
    public void accept(SurveyResponse response) {
        Check.notNull(response, "response");
        // Validate answers and the key before counting anything, so a rejected response leaves
        // neither partial counts nor an empty segment behind.
        overall.validate(response);
        ScoreCard segment = segmentation.isNone() ? null
                : segments.segment(segmentation.keyOf(response.attributes(), response.time().orElse(null),
                        "respondent " + response.respondentId()));
        overall.accept(response);
        if (segment != null) {
            segment.accept(response);
        }
    }

    /**
     * The segmentation in use.
     *
     * @return the segmentation
     */
    public Segmentation segmentation() {
        return segmentation;
    }

    /**
     * The per-segment score cards as accumulators (an independent copy, so this accumulator's state
     * cannot be changed through it), e.g. to move them into the periods of a
     * {@link io.cxkit.survey.trend.RollingSurveyScores}.
     *
     * @return a copy of the segmented accumulator, keys in first-seen order
     */
    public SegmentedAccumulator<ScoreCard, ScoreCardResult> segmentAccumulators() {
        return segments.copy();
    }

    @Override
    public SurveyScores combine(SurveyScores other) {
        Check.notNull(other, "other");
        if (!segmentation.equals(other.segmentation)) {
            throw new IncompatibleAccumulatorException("cannot combine survey scores with different segmentations: "
                    + segmentation + " vs " + other.segmentation);
        }
        // Every segment's counts are at most the overall ones, so checking the overall combine for
        // overflow checks every segment's too.
        overall.copy().combine(other.overall);
        segments.emptyCopy().combine(other.segments.emptyCopy());
        overall.combine(other.overall);
        segments.combine(other.segments);
        return this;
    }

    @Override
    public SurveyScoresResult result() {
        return new SurveyScoresResult(segmentation, overall.result(), ScoreCardResult.domains(segments.result()));
    }

    @Override
    public SurveyScores emptyCopy() {
        return new SurveyScores(segmentation, overall.emptyCopy(), segments.emptyCopy());
    }

    @Override
    public SurveyScores copy() {
        return emptyCopy().combine(this);
    }

    @Override
    public byte[] encode() {
        Encoding.Writer w = Encoding.writer(TYPE, 1);
        w.putInt(segmentation.attributes().size());
        segmentation.attributes().forEach(w::putString);
        w.putString(segmentation.grain().map(Enum::name).orElse("")).putString(segmentation.zone().getId());
        return w.putBytes(overall.encode()).putBytes(segments.encode()).toBytes();
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid encoding
     */
    public static SurveyScores decode(byte[] bytes) {
        Encoding.Reader r = Encoding.reader(bytes, TYPE, 1);
        int k = r.getSize("attribute count", 4);
        String[] attrs = new String[k];
        for (int i = 0; i < k; i++) {
            attrs[i] = r.getString();
        }
        String grain = r.getString();
        String zone = r.getString();
        Segmentation s = r.valid("segmentation " + java.util.Arrays.toString(attrs) + " by '" + grain + "' in '"
                + zone + "'", () -> {
                    Segmentation by = Segmentation.of(attrs);
                    return grain.isEmpty() ? by
                            : by.period(io.cxkit.core.TimeGrain.valueOf(grain), java.time.ZoneId.of(zone));
                });
        ScoreCard overall = ScoreCard.decode(r.getBytes());
        SegmentedAccumulator<ScoreCard, ScoreCardResult> seg = SegmentedAccumulator.decode(r.getBytes(),
                ScoreCard::decode);
        r.end();
        for (int i = 0; i < seg.size(); i++) {
            try {
                overall.emptyCopy().combine(seg.segment(i).emptyCopy());
            } catch (IllegalArgumentException e) {
                throw r.corrupt("has segment " + seg.keyOf(i) + " incompatible with its overall scores: "
                        + e.getMessage());
            }
        }
        checkSegmentsAddUp(r, s, overall, seg);
        return new SurveyScores(s, overall, seg);
    }

    /**
     * Every response counts once overall and once in its segment, so with a segmentation the
     * segments' counts add up to the overall ones (per question: answers and missing answers).
     */
    private static void checkSegmentsAddUp(io.cxkit.core.Encoding.Reader r, Segmentation s, ScoreCard overall,
            SegmentedAccumulator<ScoreCard, ScoreCardResult> seg) {
        long[] sums = new long[6];
        for (int i = 0; i < seg.size(); i++) {
            ScoreCard c = seg.segment(i);
            long[] parts = {c.nps().n(), c.nps().missing(), c.csat().n(), c.csat().missing(), c.ces().n(),
                    c.ces().missing()};
            for (int j = 0; j < 6; j++) {
                sums[j] = r.add(sums[j], parts[j], "total of segment counts");
            }
        }
        long[] all = {overall.nps().n(), overall.nps().missing(), overall.csat().n(), overall.csat().missing(),
                overall.ces().n(), overall.ces().missing()};
        boolean none = s.isNone();
        if (none ? seg.size() > 0 : !java.util.Arrays.equals(sums, all)) {
            throw r.corrupt("has segment counts " + java.util.Arrays.toString(sums) + " that do not add up to the"
                    + " overall counts " + java.util.Arrays.toString(all) + " (NPS, CSAT, CES answers and missing)");
        }
    }

    @Override
    public String toString() {
        return "SurveyScores[" + segmentation + ", " + segments.size() + " segments, overall n="
                + overall.nps().n() + "]";
    }
}
