package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.TimeGrain;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ColumnarScoresTest {
    private static final String[] TOUCHPOINTS = {"web", "app", "store", "phone", "chat"};
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Random responses over 2 years, with missing answers; weighted if asked. */
    static List<ScoredResponse> responses(long seed, int n, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long t0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        long span = 730L * 86_400_000L;
        List<ScoredResponse> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScoredResponse(TOUCHPOINTS[rnd.nextInt(TOUCHPOINTS.length)], "ch" + rnd.nextInt(3),
                    t0 + rnd.nextLong(span), rnd.nextInt(10) == 0 ? ResponseColumns.MISSING : rnd.nextInt(11),
                    rnd.nextInt(5) == 0 ? ResponseColumns.MISSING : 1 + rnd.nextInt(5),
                    rnd.nextInt(3) == 0 ? ResponseColumns.MISSING : 1 + rnd.nextInt(7),
                    weighted ? 0.25 + rnd.nextDouble() * 3 : Double.NaN));
        }
        return out;
    }

    /** The reference: one ordinary accumulator per segment, fed response by response. */
    static SegmentedResult<ScoreCardResult> reference(List<ScoredResponse> rs, ZoneId zone, MissingAnswerPolicy p) {
        SegmentedAccumulator<NetPromoterScore, NpsResult> nps =
                SegmentedAccumulator.of(NetPromoterScore.of(NpsBands.standard(), p));
        SegmentedAccumulator<CustomerSatisfaction, CsatResult> csat =
                SegmentedAccumulator.of(CustomerSatisfaction.of(RatingScale.csat5(), p));
        SegmentedAccumulator<CustomerEffort, CesResult> ces =
                SegmentedAccumulator.of(CustomerEffort.of(RatingScale.ces7(), p));
        for (ScoredResponse r : rs) {
            SegmentKey key = SegmentKey.of(r.touchpoint(),
                    TimeGrain.MONTH.bucketOf(Instant.ofEpochMilli(r.epochMillis()), zone).label());
            feed(nps.segment(key), r.nps(), r.weight());
            feed(csat.segment(key), r.csat(), r.weight());
            feed(ces.segment(key), r.ces(), r.weight());
        }
        return new ScoreSegments(nps, csat, ces).result();
    }

    private static void feed(ScoreAccumulator<?, ?> acc, int score, double w) {
        boolean weighted = !Double.isNaN(w);
        if (score == ResponseColumns.MISSING) {
            if (weighted) {
                acc.acceptMissing(w);
            } else {
                acc.acceptMissing();
            }
        } else if (weighted) {
            acc.accept(score, w);
        } else {
            acc.accept(score);
        }
    }

    static ResponseColumns columns(List<ScoredResponse> rs) {
        ResponseColumns.Builder b = ResponseColumns.builder();
        rs.forEach(b::add);
        return b.build();
    }

    @Test
    void unweightedEqualsObjectAccumulatorsExactly() {
        List<ScoredResponse> rs = responses(1, 20_000, false);
        SegmentedResult<ScoreCardResult> expected = reference(rs, PARIS, MissingAnswerPolicy.EXCLUDE);
        ColumnarScores cs = ColumnarScores.of(TimeGrain.MONTH, PARIS);
        assertEquals(expected, cs.aggregate(columns(rs)));
        assertEquals(expected, cs.threads(3).aggregate(columns(rs)));
        assertEquals(expected, rs.stream().collect(cs.collector()));
        assertEquals(expected, rs.parallelStream().collect(cs.threads(2).collector()));
        assertTrue(expected.size() >= 5 * 24, "segments: " + expected.size());
    }

    @Test
    void weightedEqualsObjectAccumulators() {
        List<ScoredResponse> rs = responses(2, 20_000, true);
        SegmentedResult<ScoreCardResult> expected = reference(rs, PARIS, MissingAnswerPolicy.EXCLUDE);
        SegmentedResult<ScoreCardResult> one = ColumnarScores.of(TimeGrain.MONTH, PARIS).aggregate(columns(rs));
        SegmentedResult<ScoreCardResult> two = ColumnarScores.of(TimeGrain.MONTH, PARIS).threads(2)
                .aggregate(columns(rs));
        assertClose(expected, one);
        assertClose(expected, two);
    }

    /** Weighted sums are blocked in the columnar path, so compare to rounding (counts exactly). */
    static void assertClose(SegmentedResult<ScoreCardResult> expected, SegmentedResult<ScoreCardResult> actual) {
        assertEquals(expected.keys(), actual.keys());
        for (SegmentKey k : expected.keys()) {
            ScoreCardResult e = expected.get(k);
            ScoreCardResult a = actual.get(k);
            assertEquals(e.nps().weighted(), a.nps().weighted());
            assertEquals(e.nps().n(), a.nps().n());
            assertEquals(e.nps().missing(), a.nps().missing());
            assertEquals(e.csat().n(), a.csat().n());
            assertEquals(e.ces().n(), a.ces().n());
            assertEquals(e.nps().estimate(), a.nps().estimate(), 1e-10);
            assertEquals(e.nps().standardError(), a.nps().standardError(), 1e-10);
            assertEquals(e.nps().effectiveN(), a.nps().effectiveN(), 1e-9);
            assertEquals(e.csat().estimate(), a.csat().estimate(), 1e-10);
            assertEquals(e.csat().standardError(), a.csat().standardError(), 1e-10);
            assertEquals(e.ces().mean().mean(), a.ces().mean().mean(), 1e-12);
            assertEquals(e.ces().mean().standardDeviation(), a.ces().mean().standardDeviation(), 1e-12);
            assertEquals(e.ces().mean().standardError(), a.ces().mean().standardError(), 1e-12);
        }
    }

    @Test
    void missingAnswerPoliciesMatchTheAccumulators() {
        List<ScoredResponse> rs = responses(3, 3_000, true);
        SegmentedResult<ScoreCardResult> expected = reference(rs, ZoneId.of("UTC"), MissingAnswerPolicy.NEUTRAL);
        ColumnarScores cs = ColumnarScores.of(TimeGrain.MONTH, ZoneId.of("UTC")).accumulators(
                NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.NEUTRAL),
                CustomerSatisfaction.of(RatingScale.csat5(), MissingAnswerPolicy.NEUTRAL),
                CustomerEffort.of(RatingScale.ces7(), MissingAnswerPolicy.NEUTRAL));
        assertClose(expected, cs.aggregate(columns(rs)));
        assertClose(expected, cs.accumulate(columns(rs)).result());

        ColumnarScores fail = ColumnarScores.of(TimeGrain.MONTH, ZoneId.of("UTC")).accumulators(
                NetPromoterScore.of(NpsBands.standard(), MissingAnswerPolicy.FAIL),
                CustomerSatisfaction.create(), CustomerEffort.create());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fail.aggregate(columns(rs)));
        assertEquals("NPS score is missing and the missing-answer policy is FAIL", e.getMessage());
    }

    @Test
    void bucketsFollowTheZoneAcrossDaylightSavingAndSkippedDays() {
        // Pacific/Apia skipped 2011-12-30 entirely; Paris changes clocks in March and October.
        for (String zone : new String[] {"Pacific/Apia", "Europe/Paris", "America/New_York", "UTC"}) {
            ZoneId z = ZoneId.of(zone);
            long lo = LocalDateTime.of(2011, 1, 1, 0, 0).atZone(z).toInstant().toEpochMilli();
            long hi = LocalDateTime.of(2013, 1, 1, 0, 0).atZone(z).toInstant().toEpochMilli();
            for (TimeGrain grain : TimeGrain.values()) {
                BucketBoundaries bb = BucketBoundaries.covering(grain, z, lo, hi);
                SplittableRandom rnd = new SplittableRandom(zone.hashCode());
                for (int i = 0; i < 20_000; i++) {
                    long t = i < bb.size() ? Math.max(lo, bb.starts[i] - (i % 3)) : lo + rnd.nextLong(hi - lo + 1);
                    assertEquals(grain.bucketOf(Instant.ofEpochMilli(t), z), bb.buckets.get(bb.indexOf(t)),
                            zone + " " + grain + " " + Instant.ofEpochMilli(t));
                }
            }
        }
    }

    @Test
    void builderValidatesRows() {
        ResponseColumns.Builder b = ResponseColumns.builder();
        assertEquals("NPS score must be in [0, 10]: 11",
                assertThrows(IllegalArgumentException.class, () -> b.nps(11)).getMessage());
        assertEquals("CSAT rating must be in [1, 5]: 0",
                assertThrows(IllegalArgumentException.class, () -> b.csat(0)).getMessage());
        assertEquals("CES rating must be in [1, 7]: 8",
                assertThrows(IllegalArgumentException.class, () -> b.ces(8)).getMessage());
        assertEquals("touchpoint id must be in [0, 0): 0",
                assertThrows(IllegalArgumentException.class, () -> b.touchpoint(0)).getMessage());
        assertEquals("channel id must be in [0, 0): 3",
                assertThrows(IllegalArgumentException.class, () -> b.channel(3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.weight(0));
        assertEquals("row 0 needs a touchpoint, a channel and a time before endRow(): touchpoint set, "
                + "channel unset, time unset",
                assertThrows(IllegalStateException.class, () -> b.touchpoint("web").endRow()).getMessage());
        int web = b.touchpointId("web");
        b.touchpoint(web).channel(b.channelId("email")).time(Instant.EPOCH).nps(9).endRow();
        b.touchpoint(web).channel("email").time(0L).csat(4).weight(2).endRow();
        assertEquals(2, b.size());
        assertTrue(b.toString().contains("2 rows"));
        ResponseColumns c = b.build();
        assertThrows(IllegalStateException.class, b::build);
        assertEquals("ResponseColumns[2 rows, 1 touchpoints, 1 channels, weighted]", c.toString());
        assertTrue(c.weighted());
        assertEquals(1, c.touchpointCount());
        assertEquals(RatingScale.csat5(), c.csatScale());
        assertEquals(RatingScale.ces7(), c.cesScale());
        ScoreCardResult s = ColumnarScores.of(TimeGrain.YEAR, ZoneId.of("UTC")).aggregate(c)
                .get(SegmentKey.of("web", "1970"));
        assertEquals(1, s.nps().n());
        assertEquals(1, s.csat().n());
        assertEquals(0, s.ces().n());
        assertEquals(2, s.ces().missing());
        assertTrue(s.toString().startsWith("NPS"));
    }

    @Test
    void scalesMustAgree() {
        ResponseColumns.Builder b = ResponseColumns.builder(RatingScale.csat7(), RatingScale.ces7(), 0);
        b.touchpoint("web").channel("x").time(0L).csat(7).endRow();
        ResponseColumns c = b.build();
        assertThrows(IllegalArgumentException.class,
                () -> ColumnarScores.of(TimeGrain.MONTH, PARIS).aggregate(c));
        ColumnarScores seven = ColumnarScores.of(TimeGrain.MONTH, PARIS).accumulators(NetPromoterScore.create(),
                CustomerSatisfaction.of(RatingScale.csat7(), MissingAnswerPolicy.EXCLUDE), CustomerEffort.create());
        assertEquals(1, seven.aggregate(c).size());
        assertTrue(seven.toString().startsWith("ColumnarScores[MONTH in Europe/Paris, 1 thread"));
        assertThrows(IllegalArgumentException.class,
                () -> ResponseColumns.builder().appendAll(ResponseColumns.builder(RatingScale.csat7(),
                        RatingScale.ces7(), 0)));
        assertThrows(IllegalArgumentException.class, () -> ColumnarScores.of(TimeGrain.MONTH, PARIS).threads(0));
        assertEquals(0, ColumnarScores.of(TimeGrain.MONTH, PARIS).aggregate(ResponseColumns.builder().build()).size());
    }

    @Test
    void segmentsCombineAcrossBatches() {
        List<ScoredResponse> rs = responses(4, 4_000, false);
        ColumnarScores cs = ColumnarScores.of(TimeGrain.QUARTER, PARIS);
        ScoreSegments a = cs.accumulate(columns(rs.subList(0, 1_500)));
        a.combine(cs.accumulate(columns(rs.subList(1_500, rs.size()))));
        assertEquals(cs.aggregate(columns(rs)), a.result());
        assertEquals(rs.stream().map(ScoredResponse::touchpoint).distinct().count() * 8, a.result().size());
        assertEquals(rs.size(), rs.stream().collect(Collectors.counting()));
    }
}
