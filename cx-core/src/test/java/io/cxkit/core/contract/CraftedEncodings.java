package io.cxkit.core.contract;

import io.cxkit.core.Encoding;
import io.cxkit.core.QuantileSketch;

/** Hand-made encodings for hostile-input tests: valid bytes holding extreme but possible state. */
public final class CraftedEncodings {

    private CraftedEncodings() {
    }

    /**
     * A 1% quantile sketch holding {@code count} copies of one positive {@code value} (e.g.
     * {@link Long#MAX_VALUE} of them, to test that combine refuses to overflow).
     *
     * @param count how many values, &gt;= 1
     * @param value the value, &gt;= 1e-9
     * @return the sketch's encoding
     */
    public static byte[] quantileSketch(long count, double value) {
        QuantileSketch one = QuantileSketch.create();
        one.accept(value);
        Encoding.Reader r = Encoding.reader(one.encode(), QuantileSketch.TYPE, 1);
        r.getDouble();
        r.getLong();
        r.getLong();
        r.getDouble();
        r.getDouble();
        int bucket = r.getInt();
        return Encoding.writer(QuantileSketch.TYPE, 1).putDouble(QuantileSketch.DEFAULT_RELATIVE_ACCURACY)
                .putLong(count).putLong(0).putDouble(value).putDouble(value).putInt(bucket)
                .putLongs(new long[] {count}).toBytes();
    }
}
