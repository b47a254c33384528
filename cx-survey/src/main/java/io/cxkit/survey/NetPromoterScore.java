package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Encoding;

/**
 * Accumulates answers to "How likely are you to recommend us?" (0–10) into a Net Promoter Score
 * with its standard error and intervals ({@link NpsResult}).
 *
 * <pre>{@code
 * NetPromoterScore nps = NetPromoterScore.create();
 * for (int score : new int[] {10, 9, 8, 6, 10, 3}) {
 *     nps.accept(score);
 * }
 * nps.result();   // NPS 16.7 (95% CI ...) n=6: 50.0% promoters, 16.7% passives, 33.3% detractors
 * }</pre>
 *
 * <p>Hot path: {@link #accept(int)} is one range check and one counter increment (no allocation);
 * weighted answers ({@link #accept(int, double)}) add compensated sums of {@code w} and {@code w²}.
 * Combining is exact for counts. Not thread-safe: one accumulator per thread, then
 * {@link #combine}.
 */
public final class NetPromoterScore extends ScoreAccumulator<NetPromoterScore, NpsResult> {
    private static final String TYPE = "nps";
    private final NpsBands bands;

    private NetPromoterScore(NpsBands bands, MissingAnswerPolicy policy) {
        super(NpsBands.MIN_SCORE, NpsBands.MAX_SCORE, Check.notNull(bands, "bands").neutral(), policy);
        this.bands = bands;
    }

    /**
     * An accumulator with the standard bands (0–6 / 7–8 / 9–10) that excludes missing answers.
     *
     * @return a new accumulator
     */
    public static NetPromoterScore create() {
        return new NetPromoterScore(NpsBands.standard(), MissingAnswerPolicy.EXCLUDE);
    }

    /**
     * An accumulator with the given bands and missing-answer policy.
     *
     * @param bands the detractor/promoter bands
     * @param policy what to do with missing answers
     * @return a new accumulator
     */
    public static NetPromoterScore of(NpsBands bands, MissingAnswerPolicy policy) {
        return new NetPromoterScore(bands, policy);
    }

    /**
     * The bands in use.
     *
     * @return the bands
     */
    public NpsBands bands() {
        return bands;
    }

    @Override
    String what() {
        return "NPS score";
    }

    @Override
    String type() {
        return TYPE;
    }

    @Override
    String configuration() {
        return bands + ", missing " + policy;
    }

    @Override
    Record definition() {
        return bands;
    }

    @Override
    void writeConfiguration(Encoding.Writer out) {
        out.putInt(bands.detractorMax()).putInt(bands.promoterMin());
    }

    /**
     * Reads an accumulator written by {@link #encode()}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     * @throws IllegalArgumentException if the bytes are not a valid NPS encoding
     */
    public static NetPromoterScore decode(byte[] bytes) {
        Encoding.Reader in = Encoding.reader(bytes, TYPE, 1);
        int detractorMax = in.getInt();
        int promoterMin = in.getInt();
        NpsBands b = in.valid("NPS bands", () -> new NpsBands(detractorMax, promoterMin));
        MissingAnswerPolicy policy = readPolicy(in, TYPE);
        return readTally(in, new NetPromoterScore(b, policy));
    }

    @Override
    public NpsResult result() {
        ScoreTally t = tally;
        long n = t.n();
        int dMax = bands.detractorMax();
        int pMin = bands.promoterMin();
        long d = t.count(0, dMax);
        long p = t.count(pMin, 10);
        long passive = n - d - p;
        if (n == 0) {
            return new NpsResult(0, t.missing, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0, false);
        }
        double[] codes = new double[11];
        for (int s = 0; s <= 10; s++) {
            codes[s] = bands.code(s);
        }
        double[] m = t.moments(codes);
        double sw = m[3];
        double pp = t.w(pMin, 10) / sw;
        double pd = t.w(0, dMax) / sw;
        double se;
        double kish;
        if (t.weighted) {
            se = n > 1 ? Math.sqrt((double) n / (n - 1) * m[2] / (sw * sw)) : Double.NaN;
            kish = t.kish();
        } else {
            double score = pp - pd;
            se = Math.sqrt(Math.max(0, pp + pd - score * score) / n);
            kish = n;
        }
        return new NpsResult(n, t.missing, p, passive, d, pp, pd, 100 * (pp - pd), 100 * se, kish,
                t.weighted);
    }

    @Override
    public NetPromoterScore emptyCopy() {
        return new NetPromoterScore(bands, policy);
    }

}
