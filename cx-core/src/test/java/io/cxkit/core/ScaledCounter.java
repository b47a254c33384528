package io.cxkit.core;

/**
 * A minimal test accumulator: counts observations and sums {@code value * scale}. Accumulators with
 * different scales are incompatible, which gives the segmented tests an incompatible configuration.
 */
final class ScaledCounter implements Accumulator<ScaledCounter, ScaledCounter.Counts> {

    static final String TYPE = "test-scaled-counter";

    record Counts(long n, long sum) {
    }

    private final int scale;
    private long n;
    private long sum;

    ScaledCounter(int scale) {
        this.scale = scale;
    }

    ScaledCounter accept(long value) {
        n++;
        sum += value * scale;
        return this;
    }

    @Override
    public ScaledCounter combine(ScaledCounter other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException(
                    "cannot combine counters with different scales: " + scale + " and " + other.scale);
        }
        n += other.n;
        sum += other.sum;
        return this;
    }

    @Override
    public Counts result() {
        return new Counts(n, sum);
    }

    @Override
    public ScaledCounter emptyCopy() {
        return new ScaledCounter(scale);
    }

    @Override
    public byte[] encode() {
        return Encoding.writer(TYPE, 1).putInt(scale).putLong(n).putLong(sum).toBytes();
    }

    static ScaledCounter decode(byte[] bytes) {
        Encoding.Reader r = Encoding.reader(bytes, TYPE, 1);
        ScaledCounter c = new ScaledCounter(r.getInt());
        c.n = r.getLong();
        c.sum = r.getLong();
        r.end();
        return c;
    }

    @Override
    public ScaledCounter copy() {
        return emptyCopy().combine(this);
    }
}
