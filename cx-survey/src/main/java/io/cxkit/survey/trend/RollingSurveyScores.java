package io.cxkit.survey.trend;

import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.RollingSegments;
import io.cxkit.core.RollingWindow;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeBucket;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreAccumulator;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Live survey scores over a rolling window: NPS, CSAT and CES per segment for the last N periods
 * (or a duration), roll-ups to coarser keys, and {@link ScoreTrend}s fed as each period closes, so
 * that alerts fire as data arrives rather than when someone runs a report.
 *
 * <pre>{@code
 * RollingSurveyScores live = RollingSurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"),
 *         RollingWindow.of(12, TimeGrain.WEEK, zone).withLateness(Duration.ofHours(6)));
 * live.accept(response);                       // false if too late for its week (counted)
 * live.advanceTo(clock.instant());             // closes weeks when no data arrives
 * live.report();                               // every kept week, by touchpoint|week
 * live.rollUp("touchpoint");                   // by touchpoint over the kept weeks
 * live.pollAlerts();                           // alerts raised since the last poll
 * }</pre>
 *
 * <p><b>Segments.</b> The segmentation names the attributes only; the window supplies the period,
 * which is the last key part, named {@code "period"} (as {@link Segmentation#period} writes it).
 *
 * <p><b>Trends and alerts.</b> When a period closes, its segments' NPS, CSAT and CES are passed to
 * {@link #npsTrend()}, {@link #csatTrend()} and {@link #cesTrend()} ({@link ScoreTrend#close}),
 * the segment named by its attribute key's label; the alerts they return are queued for
 * {@link #pollAlerts()}. The trends keep the last {@code max(periods kept, }{@value
 * ScoreTrend#BASELINE_PERIODS}{@code )} periods per segment, so memory stays bounded.
 *
 * <p><b>Counted, never silent.</b> A response whose period is closed or dropped is refused and
 * counted in {@link #lateResponses()}; a response with an answer off its scale or an unknown
 * question id is rejected with an {@link InvalidInputException} (nothing counted), as by
 * {@link SurveyScores}.
 *
 * <p>Not thread-safe. For many writer threads, let them record into a
 * {@link io.cxkit.core.ConcurrentRecorder} of {@link SurveyScores} segmented by
 * {@link #snapshotSegmentation()}, and let the reading thread move each interval snapshot in
 * with {@link #absorb(SurveyScores)}.
 */
public final class RollingSurveyScores {

    private final ScoreCard prototype;
    private final Segmentation attributes;
    private final RollingSegments<ScoreCard, ScoreCardResult> window;
    private final ScoreTrend<NetPromoterScore, NpsResult> nps;
    private final ScoreTrend<CustomerSatisfaction, CsatResult> csat;
    private final ScoreTrend<CustomerEffort, CesResult> ces;
    private final List<Alert> alerts = new ArrayList<>();
    private long lateResponses;
    private long lateSegments;

    private RollingSurveyScores(ScoreCard prototype, Segmentation attributes, RollingWindow w) {
        this.prototype = prototype.emptyCopy();
        this.attributes = attributes;
        int history = Math.max(ScoreTrend.BASELINE_PERIODS, periodsKept(w));
        this.nps = ScoreTrend.<NetPromoterScore, NpsResult>of("NPS", NpsResult::compare).withHistoryLimit(history);
        this.csat = ScoreTrend.<CustomerSatisfaction, CsatResult>of("CSAT", CsatResult::compare)
                .withHistoryLimit(history);
        this.ces = ScoreTrend.<CustomerEffort, CesResult>of("CES", CesResult::compare).withHistoryLimit(history);
        this.window = RollingSegments.of(this.prototype, w, this::closed);
    }

    /**
     * Live scores by {@code attributes} over a rolling window.
     *
     * @param prototype the score-card configuration of every segment (questions, scales, strictness)
     * @param attributes the attributes to segment by, without a period ({@link Segmentation#of})
     * @param window the periods kept and when they close
     * @return a new, empty instance
     * @throws IllegalArgumentException if {@code attributes} has a period (the window sets it)
     */
    public static RollingSurveyScores of(ScoreCard prototype, Segmentation attributes, RollingWindow window) {
        Check.notNull(prototype, "prototype");
        Check.notNull(attributes, "attributes");
        Check.notNull(window, "window");
        if (attributes.grain().isPresent()) {
            throw new IllegalArgumentException("attributes must not have a period (the rolling window sets it): "
                    + attributes);
        }
        return new RollingSurveyScores(prototype, attributes, window);
    }

    /** An upper bound on the number of periods the window keeps. */
    private static int periodsKept(RollingWindow w) {
        if (w.keepDuration().isEmpty()) {
            return w.keepPeriods();
        }
        long shortestDays = switch (w.grain()) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> 28;
            case QUARTER -> 89;
            case YEAR -> 365;
        };
        long days = w.keepDuration().get().plus(Duration.ofDays(shortestDays)).toDays();
        return (int) Math.min(10_000, days / shortestDays + 2);
    }

    private void closed(TimeBucket period, SegmentedAccumulator<ScoreCard, ScoreCardResult> segments) {
        alerts.addAll(nps.close(period, parts(segments, ScoreCard::nps)));
        alerts.addAll(csat.close(period, parts(segments, ScoreCard::csat)));
        alerts.addAll(ces.close(period, parts(segments, ScoreCard::ces)));
    }

    private static <A> Map<String, A> parts(SegmentedAccumulator<ScoreCard, ScoreCardResult> segments,
            Function<ScoreCard, A> part) {
        Map<String, A> m = new TreeMap<>();
        for (int i = 0; i < segments.size(); i++) {
            m.put(segments.keyOf(i).label(), part.apply(segments.segment(i)));
        }
        return m;
    }

    /**
     * Observes one response in the period of its time.
     *
     * @param response the response; must have a time
     * @return true if counted; false if its period is closed or dropped (counted in
     *     {@link #lateResponses()})
     * @throws InvalidInputException if the response has no time, lacks a segment attribute, or has an
     *     answer off its scale or under an unknown question id; nothing is counted
     */
    public boolean accept(SurveyResponse response) {
        Check.notNull(response, "response");
        prototype.validate(response);
        Instant time = response.time().orElseThrow(() -> new InvalidInputException("respondent "
                + response.respondentId() + " has no time, needed for the rolling window " + window.window()));
        SegmentKey key;
        try {
            key = attributes.keyOf(response.attributes(), time, "respondent " + response.respondentId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        ScoreCard card = window.segment(key, time);
        if (card == null) {
            lateResponses++;
            return false;
        }
        card.accept(response);
        return true;
    }

    /**
     * The segmentation a {@link SurveyScores} must have to be {@linkplain #absorb absorbed}: these
     * attributes and the window's period.
     *
     * @return the attributes with the window's grain and zone
     */
    public Segmentation snapshotSegmentation() {
        return attributes.period(window.window().grain(), window.window().zone());
    }

    /**
     * Moves scores counted elsewhere (typically an interval snapshot of a
     * {@link io.cxkit.core.ConcurrentRecorder}) into their periods. Segments whose period is closed
     * or dropped are refused; their responses are counted in {@link #lateResponses()}. Only the
     * segments are read: the snapshot's overall card is the sum of its segments.
     *
     * @param scores scores segmented by {@link #snapshotSegmentation()}, not changed
     * @return the number of responses refused as late (0 if all went in)
     * @throws IllegalArgumentException if the segmentation differs or a score card is incompatible
     */
    public long absorb(SurveyScores scores) {
        Check.notNull(scores, "scores");
        if (!scores.segmentation().equals(snapshotSegmentation())) {
            throw new IllegalArgumentException("absorbed scores must be segmented by " + snapshotSegmentation()
                    + ": " + scores.segmentation());
        }
        SegmentedAccumulator<ScoreCard, ScoreCardResult> segs = scores.segmentAccumulators();
        if (segs.size() > 0) {
            // Every segment shares one configuration: check it before anything is moved in.
            prototype.emptyCopy().combine(segs.segment(0).emptyCopy());
        }
        TimeGrain grain = window.window().grain();
        long refused = 0;
        for (int i = 0; i < segs.size(); i++) {
            SegmentKey full = segs.keyOf(i);
            List<String> parts = full.parts();
            TimeBucket period = TimeBucket.parse(grain, parts.get(parts.size() - 1));
            SegmentKey key = new SegmentKey(parts.subList(0, parts.size() - 1));
            ScoreCard card = window.segment(key, period);
            ScoreCard part = segs.segment(i);
            if (card == null) {
                refused += responses(part);
                lateSegments++;
            } else {
                card.combine(part);
            }
        }
        lateResponses += refused;
        return refused;
    }

    /** Responses a card counted: the largest count over its configured scores. */
    private static long responses(ScoreCard c) {
        return Math.max(responses(c.nps()), Math.max(responses(c.csat()), responses(c.ces())));
    }

    private static long responses(ScoreAccumulator<?, ?> a) {
        return a.n() + (a.missingAnswerPolicy() == MissingAnswerPolicy.NEUTRAL ? 0 : a.missing());
    }

    /**
     * Moves the watermark to {@code now} (e.g. from the clock), closing periods that end by then,
     * feeding the trends and returning the alerts those closes raised (they are also queued for
     * {@link #pollAlerts()}).
     *
     * @param now the time, not null
     * @return the alerts raised by this call, in the trends' order (NPS, CSAT, CES per period)
     */
    public List<Alert> advanceTo(Instant now) {
        int before = alerts.size();
        window.advanceTo(now);
        return List.copyOf(alerts.subList(before, alerts.size()));
    }

    /**
     * Returns and forgets the alerts raised since the last poll.
     *
     * @return the alerts in the order raised; empty if none
     */
    public List<Alert> pollAlerts() {
        List<Alert> out = List.copyOf(alerts);
        alerts.clear();
        return out;
    }

    /**
     * The scores of every kept period, by attributes and period; the overall card is over all kept
     * periods.
     *
     * @return the report
     */
    public SurveyScoresResult report() {
        SegmentedAccumulator<ScoreCard, ScoreCardResult> all = window.segments();
        ScoreCard overall = prototype.emptyCopy();
        for (int i = 0; i < all.size(); i++) {
            overall.combine(all.segment(i));
        }
        return new SurveyScoresResult(snapshotSegmentation(), overall.result(), all.result());
    }

    /**
     * Rolls the kept periods up to some of the key parts: attribute names, and {@code "period"}
     * to keep the period. {@code rollUp()} gives one {@linkplain SegmentKey#overall() overall}
     * segment over everything kept; {@code rollUp("touchpoint")} one per touchpoint over the kept
     * periods. Equal to a {@link SurveyScores} fed directly with those keys.
     *
     * @param parts key part names, each an attribute of the segmentation or {@code "period"}
     * @return the scores per roll-up key
     * @throws IllegalArgumentException if a name is not a key part (the message lists them)
     */
    public SegmentedResult<ScoreCardResult> rollUp(String... parts) {
        Check.notNull(parts, "parts");
        List<String> names = snapshotSegmentation().partNames();
        int[] indices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            indices[i] = names.indexOf(parts[i]);
            if (indices[i] < 0) {
                throw new InvalidInputException("roll-up part '" + parts[i] + "' is not a key part; known parts: "
                        + String.join(", ", names));
            }
        }
        return window.rollUp(k -> k.select(indices)).result();
    }

    /**
     * The NPS trend, fed as periods close.
     *
     * @return the live trend (do not {@code close} periods on it yourself)
     */
    public ScoreTrend<NetPromoterScore, NpsResult> npsTrend() {
        return nps;
    }

    /**
     * The CSAT trend, fed as periods close.
     *
     * @return the live trend (do not {@code close} periods on it yourself)
     */
    public ScoreTrend<CustomerSatisfaction, CsatResult> csatTrend() {
        return csat;
    }

    /**
     * The CES trend, fed as periods close.
     *
     * @return the live trend (do not {@code close} periods on it yourself)
     */
    public ScoreTrend<CustomerEffort, CesResult> cesTrend() {
        return ces;
    }

    /**
     * The rolling window underneath (periods kept, closed, dropped; watermark).
     *
     * @return the window
     */
    public RollingSegments<ScoreCard, ScoreCardResult> window() {
        return window;
    }

    /**
     * Responses refused because their period was closed or dropped, from {@link #accept} and
     * {@link #absorb}.
     *
     * @return the count
     */
    public long lateResponses() {
        return lateResponses;
    }

    /**
     * Returns e.g. {@code RollingSurveyScores[Segmentation[touchpoint], RollingSegments[...], 0 late responses]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "RollingSurveyScores[" + attributes + ", " + window + ", " + lateResponses + " late responses"
                + (lateSegments == 0 ? "" : " in " + lateSegments + " absorbed segments") + "]";
    }
}
