package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-segment NPS, CSAT and CES accumulators filled by {@link ColumnarScores}: ordinary
 * {@link SegmentedAccumulator}s that can be combined (e.g. across files), encoded, or read out
 * together with {@link #result()}.
 *
 * @param nps NPS per segment
 * @param csat CSAT per segment
 * @param ces CES per segment
 */
public record ScoreSegments(SegmentedAccumulator<NetPromoterScore, NpsResult> nps,
        SegmentedAccumulator<CustomerSatisfaction, CsatResult> csat,
        SegmentedAccumulator<CustomerEffort, CesResult> ces) {

    /**
     * Requires all three accumulators.
     *
     * @param nps NPS per segment, not null
     * @param csat CSAT per segment, not null
     * @param ces CES per segment, not null
     */
    public ScoreSegments {
        Check.notNull(nps, "nps");
        Check.notNull(csat, "csat");
        Check.notNull(ces, "ces");
    }

    /**
     * Merges another set of segments into this one (see {@link SegmentedAccumulator#combine}).
     *
     * @param other segments with compatible accumulators
     * @return this
     */
    public ScoreSegments combine(ScoreSegments other) {
        Check.notNull(other, "other");
        nps.combine(other.nps);
        csat.combine(other.csat);
        ces.combine(other.ces);
        return this;
    }

    /**
     * The three results of every segment. All three accumulators have the same segments when
     * filled by {@link ColumnarScores}; a segment missing from one of them reads as empty there.
     *
     * @return the scores per segment, sorted by key
     */
    public SegmentedResult<ScoreCardResult> result() {
        Map<SegmentKey, ScoreCardResult> out = new HashMap<>();
        SegmentedResult<NpsResult> n = nps.result();
        SegmentedResult<CsatResult> s = csat.result();
        SegmentedResult<CesResult> e = ces.result();
        Set<SegmentKey> keys = new TreeSet<>(n.keys());
        keys.addAll(s.keys());
        keys.addAll(e.keys());
        for (SegmentKey k : keys) {
            out.put(k, new ScoreCardResult(n.find(k).orElseGet(() -> nps.emptyCopy().segment(k).result()),
                    s.find(k).orElseGet(() -> csat.emptyCopy().segment(k).result()),
                    e.find(k).orElseGet(() -> ces.emptyCopy().segment(k).result())));
        }
        return ScoreCardResult.domains(SegmentedResult.of(out));
    }
}
