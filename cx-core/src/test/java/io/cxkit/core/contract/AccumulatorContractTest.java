package io.cxkit.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cxkit.core.Accumulator;
import io.cxkit.core.CorruptEncodingException;
import io.cxkit.core.Estimate;
import io.cxkit.core.IncompatibleAccumulatorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every cxkit accumulator keeps, as one test base (the shape of Commons Statistics'
 * {@code BaseDoubleStatisticTest} and DDSketch's {@code StoreTest}). A type's test extends it in a
 * few lines:
 *
 * <pre>{@code
 * class NetPromoterScoreContractTest extends AccumulatorContractTest<NetPromoterScore, NpsResult> {
 *     protected NetPromoterScore create() { return NetPromoterScore.create(); }
 *     protected void accept(NetPromoterScore a, SplittableRandom r) { a.accept(r.nextInt(11), 0.5 + r.nextDouble()); }
 *     protected NetPromoterScore decode(byte[] b) { return NetPromoterScore.decode(b); }
 *     protected NetPromoterScore incompatible() { return NetPromoterScore.of(new NpsBands(5, 8), MissingAnswerPolicy.EXCLUDE); }
 *     protected String goldenName() { return "nps"; }
 *     protected void assertPossible(NetPromoterScore a) { assertEstimate(a.result(), -100, 100); }
 * }
 * }</pre>
 *
 * <p>What it checks, each as its own test:
 * <ul>
 *   <li><b>split and combine equals single pass</b>: seeded observations fed to one accumulator,
 *       and the same observations split at random points over several accumulators combined in a
 *       shuffled order, give the same result;
 *   <li><b>compatibility before mutation</b>: combining with {@link #incompatible()} throws an
 *       {@link IllegalArgumentException} and leaves the target's encoding unchanged;
 *   <li><b>one null policy</b>: {@code combine(null)} and {@code decode(null)} throw
 *       {@link NullPointerException};
 *   <li><b>self-combine</b> doubles, <b>{@code emptyCopy}</b> is empty and compatible,
 *       <b>round trip</b>: {@code decode(encode())} has the same result and re-encodes to the same
 *       bytes;
 *   <li><b>golden encodings</b>: {@code src/test/resources/golden/<goldenName>-v1.bin} (bytes
 *       written by cxkit 0.1, the first released encoding) must decode, in this and every later
 *       version, to the result of {@link #golden()}. Never regenerate a committed golden file: add
 *       a {@code -v2.bin} when the format changes and keep decoding the old one. To write the file
 *       for a new type, run the test once with {@code -Dcxkit.golden.write=true}; it fails until
 *       the file exists;
 *   <li><b>hostile decode</b>: every truncation and every single-byte change (four per byte) of
 *       valid encodings (single-byte changes for encodings up to 4 KB), then {@link #FUZZ_MUTATIONS_PROPERTY} seeded random mutations (default
 *       {@value #DEFAULT_MUTATIONS}; the {@code -Pfuzz} profile sets 100,000). Every outcome must be
 *       either a {@link CorruptEncodingException} or an accumulator whose result, {@code toString},
 *       re-encoding and self-combine work and whose numbers pass {@link #assertPossible} — never
 *       another exception, an {@link OutOfMemoryError} or a hang. A failure prints the seed and
 *       the mutated bytes.
 * </ul>
 *
 * @param <A> the accumulator type
 * @param <R> its result type
 */
public abstract class AccumulatorContractTest<A extends Accumulator<A, R>, R> {

    /** System property with the number of random mutations per type. */
    public static final String FUZZ_MUTATIONS_PROPERTY = "cxkit.fuzz.mutations";
    /** System property with the fuzz seed. */
    public static final String FUZZ_SEED_PROPERTY = "cxkit.fuzz.seed";
    /** Random mutations in a normal test run. */
    public static final int DEFAULT_MUTATIONS = 3000;

    private static final long[] INTERESTING_LONGS = {0, 1, -1, 2, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE / 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 32,
            Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
            Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), Double.doubleToRawLongBits(Double.MAX_VALUE),
            Double.doubleToRawLongBits(Double.MIN_VALUE), Double.doubleToRawLongBits(-1.0),
            Double.doubleToRawLongBits(1e300), Double.doubleToRawLongBits(1e-300),
            Double.doubleToRawLongBits(0.5), Double.doubleToRawLongBits(-0.0)};
    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 7, Integer.MAX_VALUE, Integer.MIN_VALUE,
            0xFFFF, 1 << 20, -1000};

    /**
     * A fresh, empty accumulator of the configuration under test.
     *
     * @return a new accumulator
     */
    protected abstract A create();

    /**
     * Feeds one random observation into {@code acc}; use only {@code random} for randomness so runs
     * repeat.
     *
     * @param acc the accumulator
     * @param random the seeded source
     */
    protected abstract void accept(A acc, SplittableRandom random);

    /**
     * The type's {@code decode}.
     *
     * @param bytes the encoding
     * @return the decoded accumulator
     */
    protected abstract A decode(byte[] bytes);

    /**
     * The golden file's base name, e.g. {@code "nps"} for {@code golden/nps-v1.bin}.
     *
     * @return the name
     */
    protected abstract String goldenName();

    /**
     * An accumulator whose configuration differs from {@link #create()}'s, or null if the type has
     * a single configuration.
     *
     * @return the incompatible accumulator, or null
     */
    protected A incompatible() {
        return null;
    }

    /**
     * Asserts that a decoded accumulator's numbers are possible (shares in [0, 1], scores on their
     * scale, counts adding up). Called for every fuzz outcome that decodes; the default checks
     * nothing beyond {@code result()} and {@code toString()} not throwing.
     *
     * @param acc the decoded accumulator
     */
    protected void assertPossible(A acc) {
    }

    /**
     * Reads a decoded accumulator's result out as a user would (the default: {@code result()} and
     * its {@code toString()}). Override for a type whose {@code result()} documents an
     * {@link IllegalArgumentException} for some states it can legitimately hold (key drivers with
     * too few rows), catching exactly that.
     *
     * @param acc the decoded accumulator
     */
    protected void readOut(A acc) {
        String.valueOf(acc.result());
    }

    /**
     * Asserts two results are the same; the default compares {@code toString()}, which shows every
     * number at reporting precision (so compensated sums added in another order still agree).
     *
     * @param expected the single-pass result
     * @param actual the other result
     */
    protected void assertSameResult(R expected, R actual) {
        assertEquals(String.valueOf(expected), String.valueOf(actual));
    }

    /**
     * Number of observations for the algebra tests.
     *
     * @return the count
     */
    protected int observations() {
        return 300;
    }

    /**
     * The accumulator whose encoding is committed as the golden file: {@link #observations()}
     * observations from seed 20260101. Override only if the type needs a fuller example.
     *
     * @return the golden accumulator
     */
    protected A golden() {
        return feed(create(), new SplittableRandom(20260101L), observations());
    }

    /**
     * Extra valid encodings to fuzz besides the empty one and {@link #golden()}'s.
     *
     * @return encodings
     */
    protected List<byte[]> fuzzSeeds() {
        return List.of(feed(create(), new SplittableRandom(7), 12).encode());
    }

    /**
     * Feeds {@code count} random observations.
     *
     * @param acc the accumulator
     * @param random the source
     * @param count how many
     * @return {@code acc}
     */
    protected final A feed(A acc, SplittableRandom random, int count) {
        for (int i = 0; i < count; i++) {
            accept(acc, random);
        }
        return acc;
    }

    /**
     * Asserts an {@link Estimate} is possible: {@code n >= 0}; if {@code n > 0} the estimate is in
     * {@code [lo, hi]}, the standard error is NaN or finite and {@code >= 0}, the effective n is in
     * {@code (0, n]} (up to rounding) and the default interval's bounds are NaN or ordered.
     *
     * @param e the estimate
     * @param lo the smallest possible estimate
     * @param hi the largest possible estimate
     */
    public static void assertEstimate(Estimate e, double lo, double hi) {
        assertTrue(e.n() >= 0, () -> "n < 0: " + e);
        if (e.n() == 0) {
            return;
        }
        double v = e.estimate();
        assertTrue(v >= lo - 1e-9 * Math.abs(hi - lo) && v <= hi + 1e-9 * Math.abs(hi - lo),
                () -> "estimate outside [" + lo + ", " + hi + "]: " + e);
        double se = e.standardError();
        assertTrue(Double.isNaN(se) || (se >= 0 && Double.isFinite(se)), () -> "impossible SE: " + e);
        double eff = e.effectiveN();
        assertTrue(eff > 0 && eff <= e.n() * (1 + 1e-9), () -> "impossible effective n: " + e);
        var ci = e.interval();
        assertTrue(Double.isNaN(ci.lower()) || Double.isNaN(ci.upper()) || ci.lower() <= ci.upper(),
                () -> "interval not ordered: " + e);
    }

    @Test
    void splitAndCombineEqualsSinglePass() {
        long seed = new Random().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        int n = observations();
        A single = create();
        List<A> parts = new ArrayList<>();
        A part = create();
        for (int i = 0; i < n; i++) {
            long obs = random.nextLong();
            accept(single, new SplittableRandom(obs));
            accept(part, new SplittableRandom(obs));
            if (random.nextInt(n / 5 + 1) == 0) {
                parts.add(part);
                part = create();
            }
        }
        parts.add(part);
        parts.add(create());
        Collections.shuffle(parts, new Random(seed));
        A merged = create();
        for (A p : parts) {
            merged.combine(p);
        }
        try {
            assertSameResult(single.result(), merged.result());
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    @Test
    void incompatibleCombineChangesNothing() {
        A other = incompatible();
        if (other == null) {
            return;
        }
        A target = golden();
        byte[] before = target.encode();
        assertThrows(IllegalArgumentException.class, () -> target.combine(other));
        assertArrayEquals(before, target.encode(), "a refused combine changed the target");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> target.combine(other));
        assertTrue(e instanceof IncompatibleAccumulatorException,
                () -> "an incompatible combine should throw IncompatibleAccumulatorException: " + e);
    }

    @Test
    void nullPolicy() {
        A a = create();
        assertThrows(NullPointerException.class, () -> a.combine(null));
        assertThrows(NullPointerException.class, () -> decode(null));
    }

    @Test
    void selfCombineDoubles() {
        A a = golden();
        A twice = golden().combine(golden());
        assertSameResult(twice.result(), a.combine(a).result());
    }

    @Test
    void emptyCopyIsEmptyAndCompatible() {
        A a = golden();
        A empty = a.emptyCopy();
        assertSameResult(create().result(), empty.result());
        assertArrayEquals(create().encode(), empty.encode());
        assertSameResult(golden().result(), empty.combine(a).result());
        assertSameResult(golden().result(), a.copy().result());
    }

    @Test
    void roundTrip() {
        for (A a : List.of(create(), golden())) {
            byte[] bytes = a.encode();
            A back = decode(bytes);
            assertSameResult(a.result(), back.result());
            assertArrayEquals(bytes, back.encode(), "decode(encode()) re-encodes differently");
            assertPossible(back);
        }
    }

    @Test
    void goldenEncodingStillDecodes() throws IOException {
        String resource = "/golden/" + goldenName() + "-v1.bin";
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                if (Boolean.getBoolean("cxkit.golden.write")) {
                    Path p = Path.of("src/test/resources" + resource);
                    Files.createDirectories(p.getParent());
                    Files.write(p, golden().encode());
                    fail("wrote " + p.toAbsolutePath() + "; commit it and run again");
                }
                fail("missing golden encoding " + resource
                        + " (write it once with -Dcxkit.golden.write=true and commit it)");
                return;
            }
            bytes = in.readAllBytes();
        }
        A decoded = decode(bytes);
        assertSameResult(golden().result(), decoded.result());
        assertPossible(decoded);
    }

    @Test
    void hostileDecode() {
        long seed = Long.getLong(FUZZ_SEED_PROPERTY, 20261201L);
        int mutations = Integer.getInteger(FUZZ_MUTATIONS_PROPERTY, DEFAULT_MUTATIONS);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(create().encode());
        seeds.add(golden().encode());
        seeds.addAll(fuzzSeeds());
        FuzzTally tally = new FuzzTally();
        // A hang guard, not a speed target: 100,000 mutations take seconds.
        assertTimeoutPreemptively(Duration.ofSeconds(60 + mutations / 200), () -> fuzz(seeds, seed, mutations, tally),
                () -> "hostile decode did not finish (seed " + seed + "): a mutation made decode hang");
        System.out.println("[fuzz] " + getClass().getSimpleName() + ": " + tally);
        assertTrue(tally.decoded + tally.rejected > 0);
    }

    private void fuzz(List<byte[]> seeds, long seed, int mutations, FuzzTally tally) {
        for (byte[] valid : seeds) {
            for (int len = 0; len < valid.length; len++) {
                tally.check(Arrays.copyOf(valid, len), "truncation to " + len + " bytes");
            }
            // every single-byte change of encodings up to 4 KB (the golden one of a large type is
            // covered by truncations and random mutations)
            for (int i = 0; i < (valid.length <= 4096 ? valid.length : 0); i++) {
                for (int change : new int[] {0x01, 0x80, 0xFF, 0x7F}) {
                    byte[] m = valid.clone();
                    m[i] = (byte) (change == 0x7F ? 0x7F : m[i] ^ change);
                    tally.check(m, "byte " + i + " changed");
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < mutations; k++) {
            byte[] valid = seeds.get(random.nextInt(seeds.size()));
            tally.check(mutate(valid, random), "random mutation " + k + " of seed " + seed);
        }
    }

    private static byte[] mutate(byte[] valid, SplittableRandom r) {
        byte[] m = valid.clone();
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && m.length > 0; e++) {
            switch (r.nextInt(6)) {
                case 0 -> m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                case 1 -> m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                case 2 -> put(m, r.nextInt(m.length), INTERESTING_LONGS[r.nextInt(INTERESTING_LONGS.length)], 8);
                case 3 -> put(m, r.nextInt(m.length), INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)], 4);
                case 4 -> {
                    int from = r.nextInt(m.length);
                    int to = r.nextInt(m.length);
                    int len = r.nextInt(Math.min(16, m.length - Math.max(from, to)) + 1);
                    System.arraycopy(m.clone(), from, m, to, len);
                }
                default -> {
                    int at = r.nextInt(m.length + 1);
                    int len = 1 + r.nextInt(8);
                    byte[] n = new byte[Math.max(0, r.nextBoolean() ? m.length + len : m.length - len)];
                    if (n.length > m.length) {
                        System.arraycopy(m, 0, n, 0, at);
                        System.arraycopy(m, at, n, at + len, m.length - at);
                    } else {
                        int cut = Math.min(at, n.length);
                        System.arraycopy(m, 0, n, 0, cut);
                        System.arraycopy(m, m.length - (n.length - cut), n, cut, n.length - cut);
                    }
                    m = n;
                }
            }
        }
        return m;
    }

    private static void put(byte[] m, int at, long v, int width) {
        for (int i = 0; i < width && at + i < m.length; i++) {
            m[at + i] = (byte) (v >>> (8 * (width - 1 - i)));
        }
    }

    /** Counts fuzz outcomes and fails on the first one the contract forbids. */
    private final class FuzzTally {
        long decoded;
        long rejected;

        void check(byte[] bytes, String what) {
            A a;
            try {
                a = decode(bytes);
            } catch (CorruptEncodingException e) {
                assertNotNull(e.getMessage());
                rejected++;
                return;
            } catch (Throwable t) {
                throw new AssertionError(what + ": decode threw " + t + " instead of a "
                        + "CorruptEncodingException; bytes " + hex(bytes), t);
            }
            try {
                readOut(a);
                a.toString();
                assertPossible(a);
                byte[] again = a.encode();
                assertArrayEquals(again, decode(again).encode(), "re-encoding is not stable");
                try {
                    readOut(a.copy().combine(a.copy()));
                } catch (IncompatibleAccumulatorException e) {
                    // refusing to overflow on a self-combine is allowed
                }
            } catch (Throwable t) {
                throw new AssertionError(what + ": the decoded accumulator is broken (" + t + "); bytes "
                        + hex(bytes), t);
            }
            decoded++;
        }

        @Override
        public String toString() {
            return (decoded + rejected) + " inputs: " + decoded + " decoded to possible accumulators, "
                    + rejected + " rejected with CorruptEncodingException";
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 512); i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return sb.append(b.length > 512 ? "…(" + b.length + " bytes)" : "").toString();
    }
}
