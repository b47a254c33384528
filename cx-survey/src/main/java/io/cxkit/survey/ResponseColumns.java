package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.NameDictionary;
import java.time.Instant;
import java.util.Arrays;

/**
 * Survey responses stored column by column for fast aggregation ({@link ColumnarScores}): a
 * dictionary-encoded touchpoint id and channel id, the response time in epoch milliseconds, the
 * NPS, CSAT and CES answers as one byte each (missing answers allowed), and an optional weight.
 * Immutable once built; build with {@link #builder()}.
 *
 * <pre>{@code
 * ResponseColumns.Builder b = ResponseColumns.builder();
 * int web = b.touchpointId("web");
 * b.touchpoint(web).channel("email").time(1767225600000L).nps(9).csat(4).endRow();
 * b.touchpoint(web).channel("email").time(1767312000000L).nps(3).ces(6).endRow();  // no CSAT
 * ResponseColumns columns = b.build();
 * }</pre>
 *
 * <p>Answers are validated against their scales when a row is appended, so the aggregation loop
 * needs no further checks. Footprint: 19 bytes per response, plus 8 once any row is weighted;
 * appending neither boxes nor allocates except when a column grows.
 *
 * <p><b>Size.</b> The columns and their Builder are one concept: the builder is the only way to
 * fill the package-private arrays ColumnarScores reads, and its per-row checks must sit beside
 * them.
 */
public final class ResponseColumns {

    /** Pass to {@link Builder#nps(int)}, {@link Builder#csat(int)} or {@link Builder#ces(int)} for "no answer". */
    public static final int MISSING = Integer.MIN_VALUE;

    final int size;
    final int[] touchpoint;
    final int[] channel;
    final long[] time;
    final byte[] nps;
    final byte[] csat;
    final byte[] ces;
    final double[] weight;
    final long minTime;
    final long maxTime;
    final RatingScale csatScale;
    final RatingScale cesScale;
    final NameDictionary touchpoints;
    final NameDictionary channels;

    private ResponseColumns(Builder b) {
        // The builder is closed for good by build(), so its arrays are taken over without a copy;
        // they may be longer than size (capacity), and only [0, size) is ever read.
        size = b.size;
        touchpoint = b.touchpoint;
        channel = b.channel;
        time = b.time;
        nps = b.nps;
        csat = b.csat;
        ces = b.ces;
        weight = b.weight;
        minTime = b.minTime;
        maxTime = b.maxTime;
        csatScale = b.csatScale;
        cesScale = b.cesScale;
        touchpoints = b.touchpoints;
        channels = b.channels;
    }

    /**
     * A builder for the default scales: CSAT 1–5 ({@link RatingScale#csat5()}), CES 1–7
     * ({@link RatingScale#ces7()}).
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder(RatingScale.csat5(), RatingScale.ces7(), 1024);
    }

    /**
     * A builder for the given scales with room for {@code expectedRows} rows before growing.
     *
     * @param csatScale the CSAT scale, not null
     * @param cesScale the CES scale, not null
     * @param expectedRows initial capacity, &gt;= 0
     * @return a new, empty builder
     */
    public static Builder builder(RatingScale csatScale, RatingScale cesScale, int expectedRows) {
        return new Builder(csatScale, cesScale, expectedRows);
    }

    /**
     * Number of responses.
     *
     * @return the row count
     */
    public int size() {
        return size;
    }

    /**
     * Whether a weight column is present (some row was given a weight).
     *
     * @return true if weighted
     */
    public boolean weighted() {
        return weight != null;
    }

    /**
     * Number of distinct touchpoints.
     *
     * @return the count
     */
    public int touchpointCount() {
        return touchpoints.size();
    }

    /**
     * The CSAT scale of the CSAT column.
     *
     * @return the scale
     */
    public RatingScale csatScale() {
        return csatScale;
    }

    /**
     * The CES scale of the CES column.
     *
     * @return the scale
     */
    public RatingScale cesScale() {
        return cesScale;
    }

    /**
     * Returns e.g. {@code ResponseColumns[1000 rows, 50 touchpoints, 8 channels, unweighted]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ResponseColumns[" + size + " rows, " + touchpoints.size() + " touchpoints, "
                + channels.size() + " channels, " + (weight == null ? "unweighted" : "weighted") + "]";
    }

    /**
     * Appends responses row by row into growing primitive columns. Set the fields of the current
     * row, then {@link #endRow()}; answers not set in a row are missing, an unset weight is 1
     * (and the columns stay unweighted until some row sets one). Not thread-safe; a builder can be
     * appended to another ({@link #appendAll(Builder)}) to merge partial builds.
     */
    public static final class Builder {
        private final RatingScale csatScale;
        private final RatingScale cesScale;
        private final NameDictionary touchpoints = new NameDictionary();
        private final NameDictionary channels = new NameDictionary();
        private int size;
        private int[] touchpoint;
        private int[] channel;
        private long[] time;
        private byte[] nps;
        private byte[] csat;
        private byte[] ces;
        private double[] weight;
        private long minTime = Long.MAX_VALUE;
        private long maxTime = Long.MIN_VALUE;
        private boolean built;

        private int rowTouchpoint = -1;
        private int rowChannel = -1;
        private long rowTime;
        private boolean rowHasTime;
        private byte rowNps;
        private byte rowCsat;
        private byte rowCes;
        private double rowWeight = 1.0;
        private boolean rowWeighted;

        Builder(RatingScale csatScale, RatingScale cesScale, int expectedRows) {
            this.csatScale = Check.notNull(csatScale, "csatScale");
            this.cesScale = Check.notNull(cesScale, "cesScale");
            if (csatScale.points() > 100 || cesScale.points() > 100) {
                throw new IllegalArgumentException("rating scales must have at most 100 points: CSAT "
                        + csatScale + ", CES " + cesScale);
            }
            if (expectedRows < 0) {
                throw new IllegalArgumentException("expectedRows must be >= 0: " + expectedRows);
            }
            int cap = Math.max(16, expectedRows);
            touchpoint = new int[cap];
            channel = new int[cap];
            time = new long[cap];
            nps = new byte[cap];
            csat = new byte[cap];
            ces = new byte[cap];
            resetRow();
        }

        /**
         * The dense id of a touchpoint name, adding it if new; pass it to {@link #touchpoint(int)}.
         *
         * @param name the touchpoint, not null
         * @return its id
         */
        public int touchpointId(String name) {
            return touchpoints.idOf(Check.notNull(name, "touchpoint"));
        }

        /**
         * The dense id of a channel name, adding it if new; pass it to {@link #channel(int)}.
         *
         * @param name the channel, not null
         * @return its id
         */
        public int channelId(String name) {
            return channels.idOf(Check.notNull(name, "channel"));
        }

        /**
         * Sets the current row's touchpoint by id.
         *
         * @param id an id from {@link #touchpointId(String)}
         * @return this builder
         * @throws IllegalArgumentException if the id is unknown
         */
        public Builder touchpoint(int id) {
            if (id < 0 || id >= touchpoints.size()) {
                throw new IllegalArgumentException(
                        "touchpoint id must be in [0, " + touchpoints.size() + "): " + id);
            }
            rowTouchpoint = id;
            return this;
        }

        /**
         * Sets the current row's touchpoint by name.
         *
         * @param name the touchpoint, not null
         * @return this builder
         */
        public Builder touchpoint(String name) {
            rowTouchpoint = touchpointId(name);
            return this;
        }

        /**
         * Sets the current row's channel by id.
         *
         * @param id an id from {@link #channelId(String)}
         * @return this builder
         * @throws IllegalArgumentException if the id is unknown
         */
        public Builder channel(int id) {
            if (id < 0 || id >= channels.size()) {
                throw new IllegalArgumentException(
                        "channel id must be in [0, " + channels.size() + "): " + id);
            }
            rowChannel = id;
            return this;
        }

        /**
         * Sets the current row's channel by name.
         *
         * @param name the channel, not null
         * @return this builder
         */
        public Builder channel(String name) {
            rowChannel = channelId(name);
            return this;
        }

        /**
         * Sets the current row's response time.
         *
         * @param epochMillis milliseconds since 1970-01-01T00:00Z
         * @return this builder
         */
        public Builder time(long epochMillis) {
            rowTime = epochMillis;
            rowHasTime = true;
            return this;
        }

        /**
         * Sets the current row's response time.
         *
         * @param t the instant, not null
         * @return this builder
         */
        public Builder time(Instant t) {
            return time(Check.notNull(t, "time").toEpochMilli());
        }

        /**
         * Sets the current row's NPS answer.
         *
         * @param score 0–10, or {@link ResponseColumns#MISSING}
         * @return this builder
         * @throws IllegalArgumentException if off the scale
         */
        public Builder nps(int score) {
            rowNps = encode(score, NpsBands.MIN_SCORE, NpsBands.MAX_SCORE, "NPS score");
            return this;
        }

        /**
         * Sets the current row's CSAT answer.
         *
         * @param rating on the CSAT scale, or {@link ResponseColumns#MISSING}
         * @return this builder
         * @throws IllegalArgumentException if off the scale
         */
        public Builder csat(int rating) {
            rowCsat = encode(rating, csatScale.min(), csatScale.max(), "CSAT rating");
            return this;
        }

        /**
         * Sets the current row's CES answer.
         *
         * @param rating on the CES scale, or {@link ResponseColumns#MISSING}
         * @return this builder
         * @throws IllegalArgumentException if off the scale
         */
        public Builder ces(int rating) {
            rowCes = encode(rating, cesScale.min(), cesScale.max(), "CES rating");
            return this;
        }

        /**
         * Sets the current row's weight; the columns become weighted (earlier rows weigh 1).
         *
         * @param w finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException for NaN, infinite, zero or negative weights
         */
        public Builder weight(double w) {
            rowWeight = Check.weight(w);
            rowWeighted = true;
            return this;
        }

        private static byte encode(int value, int min, int max, String what) {
            if (value == MISSING) {
                return (byte) (max - min + 1);
            }
            if (value < min || value > max) {
                throw offScale(value, min, max, what);
            }
            return (byte) (value - min);
        }

        private static IllegalArgumentException offScale(int value, int min, int max, String what) {
            return new IllegalArgumentException(what + " must be in [" + min + ", " + max + "]: " + value);
        }

        /**
         * Appends the current row and starts a new, empty one.
         *
         * @return this builder
         * @throws IllegalStateException if the row has no touchpoint, channel or time, or after
         *     {@link #build()}
         */
        public Builder endRow() {
            if (rowTouchpoint < 0 || rowChannel < 0 || !rowHasTime) {
                throw new IllegalStateException("row " + size + " needs a touchpoint, a channel and a "
                        + "time before endRow(): touchpoint " + (rowTouchpoint < 0 ? "unset" : "set")
                        + ", channel " + (rowChannel < 0 ? "unset" : "set") + ", time "
                        + (rowHasTime ? "set" : "unset"));
            }
            append(rowTouchpoint, rowChannel, rowTime, rowNps, rowCsat, rowCes,
                    rowWeighted ? rowWeight : Double.NaN);
            resetRow();
            return this;
        }

        private void append(int tp, int ch, long t, byte n, byte cs, byte ce, double w) {
            checkOpen();
            if (size == time.length) {
                grow();
            }
            int i = size;
            touchpoint[i] = tp;
            channel[i] = ch;
            time[i] = t;
            nps[i] = n;
            csat[i] = cs;
            ces[i] = ce;
            if (!Double.isNaN(w) || weight != null) {
                appendWeight(i, w);
            }
            if (t < minTime) {
                minTime = t;
            }
            if (t > maxTime) {
                maxTime = t;
            }
            size = i + 1;
        }

        private void appendWeight(int i, double w) {
            if (Double.isNaN(w)) {
                weight[i] = 1.0;
                return;
            }
            if (weight == null) {
                weight = new double[time.length];
                Arrays.fill(weight, 0, i, 1.0);
            }
            weight[i] = w;
        }

        /**
         * Appends one response, independently of the row being set up with the setters.
         *
         * @param r the response, not null
         * @return this builder
         * @throws IllegalArgumentException if an answer is off its scale
         */
        public Builder add(ScoredResponse r) {
            Check.notNull(r, "response");
            // A direct path (no row staging) so that it stays small enough to inline; the record
            // has already checked its names and weight.
            append(touchpoints.idOf(r.touchpoint()), channels.idOf(r.channel()), r.epochMillis(),
                    encode(r.nps(), NpsBands.MIN_SCORE, NpsBands.MAX_SCORE, "NPS score"),
                    encode(r.csat(), csatScale.min(), csatScale.max(), "CSAT rating"),
                    encode(r.ces(), cesScale.min(), cesScale.max(), "CES rating"), r.weight());
            return this;
        }

        /**
         * Appends every row of another builder (re-encoding its touchpoints and channels); the
         * other builder must use the same scales.
         *
         * @param other the other builder, unchanged
         * @return this builder
         * @throws IllegalArgumentException if the scales differ
         */
        public Builder appendAll(Builder other) {
            Check.notNull(other, "other");
            if (!csatScale.equals(other.csatScale) || !cesScale.equals(other.cesScale)) {
                throw new IllegalArgumentException("cannot append rows on scales CSAT " + other.csatScale
                        + ", CES " + other.cesScale + " to a builder on CSAT " + csatScale + ", CES " + cesScale);
            }
            int[] tpMap = new int[other.touchpoints.size()];
            for (int i = 0; i < tpMap.length; i++) {
                tpMap[i] = touchpointId(other.touchpoints.name(i));
            }
            int[] chMap = new int[other.channels.size()];
            for (int i = 0; i < chMap.length; i++) {
                chMap[i] = channelId(other.channels.name(i));
            }
            for (int i = 0; i < other.size; i++) {
                append(tpMap[other.touchpoint[i]], chMap[other.channel[i]], other.time[i], other.nps[i],
                        other.csat[i], other.ces[i], other.weight == null ? Double.NaN : other.weight[i]);
            }
            return this;
        }

        /**
         * Number of rows appended so far.
         *
         * @return the count
         */
        public int size() {
            return size;
        }

        /**
         * Returns the columns appended so far; the builder cannot be used afterwards.
         *
         * @return the immutable columns
         */
        public ResponseColumns build() {
            checkOpen();
            built = true;
            return new ResponseColumns(this);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
        }

        private void resetRow() {
            rowTouchpoint = -1;
            rowChannel = -1;
            rowHasTime = false;
            rowNps = (byte) (NpsBands.MAX_SCORE - NpsBands.MIN_SCORE + 1);
            rowCsat = (byte) csatScale.points();
            rowCes = (byte) cesScale.points();
            rowWeight = 1.0;
            rowWeighted = false;
        }

        private void grow() {
            if (time.length == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("response columns are full: " + size + " rows");
            }
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, time.length + (time.length >> 1) + 16L);
            touchpoint = Arrays.copyOf(touchpoint, cap);
            channel = Arrays.copyOf(channel, cap);
            time = Arrays.copyOf(time, cap);
            nps = Arrays.copyOf(nps, cap);
            csat = Arrays.copyOf(csat, cap);
            ces = Arrays.copyOf(ces, cap);
            if (weight != null) {
                weight = Arrays.copyOf(weight, cap);
            }
        }

        /**
         * Returns e.g. {@code ResponseColumns.Builder[1000 rows]}.
         *
         * @return a readable description
         */
        @Override
        public String toString() {
            return "ResponseColumns.Builder[" + size + " rows]";
        }
    }
}
