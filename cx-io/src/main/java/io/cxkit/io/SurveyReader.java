package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.io.ColumnMapping.Role;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ScoreAccumulator;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyQuestions;
import io.cxkit.survey.SurveyReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads survey exports (CSV, NDJSON, JSON arrays) row by row straight into score accumulators:
 * memory is bounded by the number of segments, not the number of rows.
 *
 * <pre>{@code
 * SurveyReadResult r = SurveyReader.builder()
 *     .segmentBy("touchpoint")
 *     .period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"))
 *     .build()
 *     .read(Path.of("responses.csv"));
 * r.report().overall().nps();
 * }</pre>
 *
 * <p>Each row is checked in full before anything is counted: scores must be whole numbers on their
 * scale (an empty score is a missing answer, handled by the {@link MissingAnswerPolicy}), the
 * weight (when a weight column is used) finite and &gt; 0, the time parseable when splitting by
 * period, and the row must have as many fields as the header. Under {@link ErrorPolicy#FAIL} the
 * first bad row throws {@link BadInputException} naming file, line, column, value and rule; under
 * {@link ErrorPolicy#SKIP} it is counted in {@link SurveyReadResult#rejected()}. An empty segment
 * value is read as {@code (none)}.
 *
 * <p>A reader is immutable and may be used for many files, also concurrently.
 */
public final class SurveyReader {
    /** The segment value used for an empty attribute value. */
    public static final String NONE = "(none)";
    private static final int MISSING = Integer.MIN_VALUE;
    private final Builder b;

    private SurveyReader(Builder b) {
        this.b = b.copy();
    }

    /**
     * A builder with the defaults: automatic format and columns, no segments, UTC, FAIL on bad rows,
     * missing answers excluded, NPS 0–10, CSAT 1–5 top-2 box, CES 1–7, UTF-8, fields up to 1,000,000
     * characters, JSON nesting up to 32 levels.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file; the format comes from the builder or the file name ({@link InputFormat#of}).
     *
     * @param file the file
     * @return the scores and the reading report
     * @throws BadInputException for bad input (see the class comment)
     * @throws UncheckedIOException if the file cannot be read
     */
    public SurveyReadResult read(Path file) {
        Check.notNull(file, "file");
        InputFormat f = b.format != null ? b.format : InputFormat.of(file);
        if (b.threads > 1 && f == InputFormat.CSV && b.charset.equals(StandardCharsets.UTF_8)
                && Utf8CsvSource.supports(b.delimiter)) {
            try {
                SurveyReadResult r = readParallel(file);
                if (r != null) {
                    return r;
                }
            } catch (NoSuchFileException e) {
                throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, String.valueOf(file.getFileName()), f);
        } catch (NoSuchFileException e) {
            throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream (not closed by this method).
     *
     * @param in the bytes
     * @param source the name used in messages, e.g. the file name
     * @param format the format
     * @return the scores and the reading report
     * @throws BadInputException for bad input (see the class comment)
     */
    public SurveyReadResult read(InputStream in, String source, InputFormat format) {
        Check.notNull(in, "in");
        Check.notNull(source, "source");
        Check.notNull(format, "format");
        try (RowSource rows = open(in, source, format)) {
            return new Run(rows, source).run();
        }
    }

    /** One part of a parallel read. */
    private static final class Part {
        Run run;
        Utf8CsvSource rows;
        long n;
        Throwable error;

        void count() {
            try {
                n = run.count();
            } catch (RuntimeException | Error e) {
                error = e;
            }
        }
    }

    /**
     * Reads a UTF-8 CSV file in {@code threads} parts, split after a line feed near each n-th of
     * the file. A split point may be a line feed inside a quoted field: that is detected exactly,
     * because the part before it must end its last row at the next part's start; then (and for
     * files too small to split) this returns null and the file is read with one thread.
     */
    SurveyReadResult readParallel(Path file) throws IOException {
        long size = Files.size(file);
        int n = (int) Math.min(b.threads, size / b.minPartBytes);
        if (n < 2) {
            return null;
        }
        long[] starts = new long[n + 1];
        starts[n] = Long.MAX_VALUE;
        try (FileChannel ch = FileChannel.open(file)) {
            for (int k = 1; k < n; k++) {
                starts[k] = nextLineStart(ch, size * k / n);
                if (starts[k] <= starts[k - 1] || starts[k] >= size) {
                    return null;
                }
            }
        }
        String name = String.valueOf(file.getFileName());
        Part[] parts = new Part[n];
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                Part p = new Part();
                FileChannel ch = FileChannel.open(file);
                InputStream in = Channels.newInputStream(ch.position(starts[k]));
                streams.add(in);
                if (k == 0) {
                    RowSource rs = open(in, name, InputFormat.CSV);
                    if (!(rs instanceof Utf8CsvSource)) {
                        return null; // a UTF-16 byte-order mark
                    }
                    p.rows = (Utf8CsvSource) rs;
                } else {
                    p.rows = new Utf8CsvSource(in, name, parts[0].rows.delimiter(), b.maxFieldLength, b.maxColumns,
                            starts[k], parts[0].rows.columns());
                }
                p.rows.stopAt(starts[k + 1]);
                p.run = new Run(p.rows, name);
                parts[k] = p;
            }
            Thread[] workers = new Thread[n];
            for (int k = 1; k < n; k++) {
                workers[k] = new Thread(parts[k]::count, "cxkit-csv-" + k);
                workers[k].setDaemon(true);
                workers[k].start();
            }
            parts[0].count();
            for (int k = 1; k < n; k++) {
                try {
                    workers[k].join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted reading " + file));
                }
            }
            long lines = 0;
            long rows = 0;
            for (int k = 0; k < n; k++) {
                Part p = parts[k];
                if (k > 0 && parts[k - 1].error == null && parts[k - 1].rows.offset() != starts[k]) {
                    return null; // the split point was inside a quoted field
                }
                if (p.error != null) {
                    throw rebase(p.error, lines);
                }
                if (k > 0) {
                    parts[0].run.absorb(p.run, lines);
                }
                rows += p.n;
                lines += p.rows.nextLine() - 1;
            }
            return parts[0].run.result(rows);
        } finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }

    /** The error of a part with line numbers of the whole file. */
    private static RuntimeException rebase(Throwable t, long lines) {
        if (t instanceof Error e) {
            throw e;
        }
        if (lines > 0 && t instanceof BadInputException b) {
            RowError e = b.error();
            return new BadInputException(new RowError(e.source(), e.line() > 0 ? e.line() + lines : 0, e.column(),
                    e.columnName(), e.value(), e.reason(), e.message()), b.getCause());
        }
        return (RuntimeException) t;
    }

    /** The offset after the first line feed at or after {@code from}, or -1. */
    private static long nextLineStart(FileChannel ch, long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long at = from;
        while (true) {
            buf.clear();
            int got = ch.read(buf, at);
            if (got <= 0) {
                return -1;
            }
            for (int i = 0; i < got; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += got;
        }
    }

    private RowSource open(InputStream raw, String source, InputFormat format) {
        return open(raw, source, format, b.charset, b.delimiter,
                new SourceLimits(b.maxFieldLength, b.maxNestingDepth, b.maxColumns));
    }

    static RowSource open(InputStream raw, String source, InputFormat format, Charset charset, char delimiter,
            SourceLimits limits) {
        int maxField = limits.maxField();
        if (format == InputFormat.JSON) {
            return new JsonSource(raw, source, maxField, limits.maxDepth(), limits.maxColumns());
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        Charset cs = charset;
        try {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                cs = StandardCharsets.UTF_16; // the BOM decides the byte order and is consumed
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (cs.equals(StandardCharsets.UTF_8) && Utf8CsvSource.supports(delimiter)) {
            return new Utf8CsvSource(in, source, delimiter, maxField, limits.maxColumns());
        }
        return new CsvSource(in, source, cs, delimiter, maxField, limits.maxColumns());
    }

    /** One read: resolved columns, accumulators and the rejection log. */
    private final class Run {
        private final RowSource rows;
        private final String source;
        private final RejectedRows.Collector rejected = new RejectedRows.Collector();
        private final int[] col = new int[Role.values().length];
        private final int nAttrs;
        private final ScoreCard overall;
        private final SegmentedAccumulator<ScoreCard, ScoreCardResult> segments;
        private final SegmentTable cards;
        // The accumulators of segment i, by dense id (one pointer less to follow per row than the ScoreCard).
        private NetPromoterScore[] segNps = new NetPromoterScore[0];
        private CustomerSatisfaction[] segCsat = new CustomerSatisfaction[0];
        private CustomerEffort[] segCes = new CustomerEffort[0];
        private int segCount;
        // Checked rows not yet counted: segment id, the three scores (or MISSING) and the weight (NaN: none).
        private static final int BATCH = 256;
        private final int[] batchSeg = new int[BATCH];
        private final int[] batchNps = new int[BATCH];
        private final int[] batchCsat = new int[BATCH];
        private final int[] batchCes = new int[BATCH];
        private final double[] batchW = new double[BATCH];
        private final int[] batchAnswered = new int[BATCH];
        private final int[] batchMissing = new int[BATCH];
        private int batched;
        private final Segmentation segmentation;
        private final Timestamps timestamps;
        private final Map<String, String> used = new LinkedHashMap<>();
        private final String[] names;
        private final String[] parts;
        private final int[] tuple;
        private final Utf8CsvSource bytes;
        private final ByteKeys[] byteIds;
        private final List<Map<String, Integer>> ids = new ArrayList<>();
        private final List<List<String>> values = new ArrayList<>();
        private final Map<String, Integer> labelIds = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private int[] dayIds = new int[0];
        private long dayBase;
        private final java.time.zone.ZoneRules rules = b.zone.getRules();
        private final int[] scores = new int[3];
        private final int fixedOffset = b.zone.getRules().isFixedOffset()
                ? b.zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;

        Run(RowSource rows, String source) {
            this.rows = rows;
            this.source = source;
            List<String> header = rows.columns();
            if (rows instanceof JsonSource) {
                // JSON objects need not all have the same keys: a column named explicitly may first
                // appear after the first object.
                List<String> more = new ArrayList<>(header);
                List<String> named = new ArrayList<>(b.attributes);
                for (Role r : Role.values()) {
                    b.columns.column(r).ifPresent(named::add);
                }
                for (String n : named) {
                    if (ColumnMapping.find(more, n) < 0) {
                        more.add(n);
                    }
                }
                header = more;
            }
            int[] idx = b.columns.resolve(header, source);
            List<String> selected = new ArrayList<>();
            List<String> attrNames = new ArrayList<>();
            for (String a : b.attributes) {
                int i = ColumnMapping.find(header, a);
                if (i < 0) {
                    throw ColumnMapping.missing(source, "segment attribute", a, header);
                }
                selected.add(header.get(i));
                attrNames.add(header.get(i));
                used.put("by:" + header.get(i), header.get(i));
            }
            nAttrs = selected.size();
            for (Role r : Role.values()) {
                if ((r == Role.TIME && b.grain == null) || (r == Role.WEIGHT && b.unweighted)) {
                    col[r.ordinal()] = -1;
                    continue;
                }
                int i = idx[r.ordinal()];
                col[r.ordinal()] = i < 0 ? -1 : selected.size();
                if (i >= 0) {
                    selected.add(header.get(i));
                    used.put(r.key(), header.get(i));
                }
            }
            if (b.grain != null && col[Role.TIME.ordinal()] < 0) {
                throw ColumnMapping.missing(source, "time, to split by " + b.grain.name().toLowerCase(java.util.Locale.ROOT),
                        b.columns.column(Role.TIME).orElse("time"), header);
            }
            if (col[Role.NPS.ordinal()] < 0 && col[Role.CSAT.ordinal()] < 0 && col[Role.CES.ordinal()] < 0) {
                throw BadInputException.file(source, 1, "missing column", "no score column: expected a column"
                        + " named like NPS, CSAT or CES (e.g. 'NPS', 'Likelihood to recommend', 'Satisfaction',"
                        + " 'Effort') or an explicit mapping (nps=COLUMN); columns are: " + String.join(", ", header));
            }
            names = selected.toArray(new String[0]);
            rows.select(selected);
            parts = new String[nAttrs + (b.grain != null ? 1 : 0)];
            tuple = new int[parts.length];
            cards = new SegmentTable(Math.max(1, parts.length));
            bytes = rows instanceof Utf8CsvSource u ? u : null;
            byteIds = new ByteKeys[nAttrs];
            for (int a = 0; a < nAttrs; a++) {
                byteIds[a] = new ByteKeys();
                ids.add(new HashMap<>());
                values.add(new ArrayList<>());
            }
            Segmentation s = Segmentation.by(attrNames.toArray(new String[0]));
            segmentation = b.grain != null ? s.period(b.grain, b.zone) : s;
            timestamps = new Timestamps(b.zone);
            ScoreCard proto = b.scoreCard;
            ScoreCard card = ScoreCard.of(SurveyQuestions.of(has(Role.NPS) ? "nps" : null,
                    has(Role.CSAT) ? "csat" : null, has(Role.CES) ? "ces" : null), proto.nps(), proto.csat(), proto.ces());
            overall = card.emptyCopy();
            segments = SegmentedAccumulator.of(card);
        }

        private boolean has(Role r) {
            return col[r.ordinal()] >= 0;
        }

        SurveyReadResult run() {
            long n = count();
            if (n == 0) {
                throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
            }
            SurveyReport report = new SurveyReport(segmentation, overall.result(), segments.result());
            return new SurveyReadResult(report, n, rejected.result(), used);
        }

        /** Reads every row into the accumulators; the number of rows. */
        long count() {
            long n = 0;
            while (rows.next()) {
                n++;
                RowError problem = rows.rowProblem();
                if (problem != null) {
                    reject(problem);
                    continue;
                }
                try {
                    row();
                } catch (Rejection r) {
                    int i = r.selected;
                    reject(new RowError(source, rows.line(), i < 0 ? 0 : rows.column(i), i < 0 ? "" : names[i],
                            r.value, r.reason, r.getMessage()));
                }
            }
            flush();
            return n;
        }

        /** Merges the read of the next part of the file (whose line numbers start after {@code lines}). */
        void absorb(Run next, long lines) {
            overall.combine(next.overall);
            segments.combine(next.segments);
            rejected.addAll(next.rejected, lines);
        }

        SurveyReadResult result(long n) {
            if (n == 0) {
                throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
            }
            if (segments.size() > b.maxSegments) { // the parts of a parallel read are each within the limit
                throw tooManySegments(0);
            }
            return new SurveyReadResult(new SurveyReport(segmentation, overall.result(), segments.result()), n,
                    rejected.result(), used);
        }

        private void reject(RowError e) {
            if (b.errors == ErrorPolicy.FAIL) {
                throw new BadInputException(e);
            }
            rejected.add(e);
        }

        private void row() {
            ScoreCard proto = overall;
            scores[0] = score(Role.NPS, NpsBands.MIN_SCORE, NpsBands.MAX_SCORE, proto.nps().missingAnswerPolicy(), "NPS");
            RatingScale cs = proto.csat().scale();
            scores[1] = score(Role.CSAT, cs.min(), cs.max(), proto.csat().missingAnswerPolicy(), "CSAT");
            RatingScale ce = proto.ces().scale();
            scores[2] = score(Role.CES, ce.min(), ce.max(), proto.ces().missingAnswerPolicy(), "CES");
            double w = weight();
            int seg = segment();
            int k = batched;
            batchSeg[k] = seg;
            batchNps[k] = scores[0];
            batchCsat[k] = scores[1];
            batchCes[k] = scores[2];
            batchW[k] = w;
            if (++batched == BATCH) {
                flush();
            }
        }

        /**
         * Feeds the checked rows of the batch into the accumulators, one score at a time: a tight
         * loop per score lets the processor overlap the cache misses of consecutive rows' segment
         * accumulators (the rows are in the order read, so the sums are the same as row by row).
         */
        private void flush() {
            int n = batched;
            batched = 0;
            if (has(Role.NPS)) {
                feedAll(overall.nps(), segNps, batchNps, n);
            }
            if (has(Role.CSAT)) {
                feedAll(overall.csat(), segCsat, batchCsat, n);
            }
            if (has(Role.CES)) {
                feedAll(overall.ces(), segCes, batchCes, n);
            }
        }

        private void feedAll(ScoreAccumulator<?, ?> all, ScoreAccumulator<?, ?>[] bySegment, int[] s, int n) {
            int[] seg = parts.length > 0 ? batchSeg : null;
            if (has(Role.WEIGHT)) {
                // Weighted sums in the row order (a NEUTRAL policy adds missing answers to an answered slot).
                double[] w = batchW;
                for (int i = 0; i < n; i++) {
                    feed(all, s[i], w[i]);
                    if (seg != null) {
                        feed(bySegment[seg[i]], s[i], w[i]);
                    }
                }
                return;
            }
            // Split the rows into answered and missing without a branch per row (a missing answer is
            // as unpredictable as a coin for CES), then feed each list in a loop of its own.
            int[] answered = batchAnswered;
            int[] missing = batchMissing;
            int na = 0;
            int nm = 0;
            for (int i = 0; i < n; i++) {
                answered[na] = i;
                missing[nm] = i;
                int m = s[i] == MISSING ? 1 : 0;
                na += 1 - m;
                nm += m;
            }
            for (int j = 0; j < na; j++) {
                all.accept(s[answered[j]]);
            }
            for (int j = 0; j < nm; j++) {
                all.acceptMissing();
            }
            if (seg != null) {
                for (int j = 0; j < na; j++) {
                    int i = answered[j];
                    bySegment[seg[i]].accept(s[i]);
                }
                for (int j = 0; j < nm; j++) {
                    bySegment[seg[missing[j]]].acceptMissing();
                }
            }
        }

        private int score(Role r, int min, int max, MissingAnswerPolicy policy, String what) {
            int i = col[r.ordinal()];
            if (i < 0) {
                return MISSING;
            }
            if (bytes != null) {
                int s = bytes.digits(i);
                if (s >= 0) {
                    if (s < min || s > max) {
                        throw new Rejection(i, rows.value(i), "score out of range", what + " score must be in ["
                                + min + ", " + max + "]: " + s);
                    }
                    return s;
                }
                if (s == Utf8CsvSource.EMPTY && policy != MissingAnswerPolicy.FAIL) {
                    return MISSING;
                }
            }
            String v = rows.value(i);
            if (v.isEmpty()) {
                if (policy == MissingAnswerPolicy.FAIL) {
                    throw new Rejection(i, v, "missing answer", what + " score is missing and the missing-answer"
                            + " policy is FAIL");
                }
                return MISSING;
            }
            int s = parseInt(v);
            if (s == MISSING) {
                throw new Rejection(i, v, "non-numeric score", what + " score must be a whole number");
            }
            if (s < min || s > max) {
                throw new Rejection(i, v, "score out of range", what + " score must be in [" + min + ", " + max
                        + "]: " + s);
            }
            return s;
        }

        private double weight() {
            int i = col[Role.WEIGHT.ordinal()];
            if (i < 0) {
                return Double.NaN;
            }
            if (bytes != null) {
                double w = bytes.decimal(i);
                if (w > 0 && w < Double.POSITIVE_INFINITY) {
                    return w;
                }
            }
            String v = rows.value(i);
            if (v.isEmpty()) {
                throw new Rejection(i, v, "empty weight", "weight is empty (every row needs a weight when a"
                        + " weight column is used)");
            }
            double w;
            try {
                w = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new Rejection(i, v, "non-numeric weight", "weight must be a number");
            }
            if (!(w > 0 && w < Double.POSITIVE_INFINITY)) {
                throw new Rejection(i, v, "bad weight", "weight must be finite and > 0: " + w);
            }
            return w;
        }

        /** The dense id of the row's segment, -1 without segments. */
        private int segment() {
            if (parts.length == 0) {
                return -1;
            }
            for (int a = 0; a < nAttrs; a++) {
                tuple[a] = valueId(a);
            }
            if (b.grain != null) {
                int i = col[Role.TIME.ordinal()];
                long t = bytes != null ? bytes.epochSecond(i, timestamps) : Long.MIN_VALUE;
                if (t == Long.MIN_VALUE) {
                    String v = rows.value(i);
                    try {
                        t = timestamps.epochSecond(v);
                    } catch (IllegalArgumentException e) {
                        throw new Rejection(i, v, "unparseable time", e.getMessage());
                    }
                }
                tuple[nAttrs] = bucket(t);
            }
            int id = cards.get(tuple);
            if (id < 0) {
                for (int a = 0; a < nAttrs; a++) {
                    parts[a] = values.get(a).get(tuple[a]);
                }
                if (b.grain != null) {
                    parts[nAttrs] = labels.get(tuple[nAttrs]);
                }
                if (segCount == b.maxSegments) {
                    throw tooManySegments(rows.line());
                }
                ScoreCard c = segments.segment(SegmentKey.of(parts.clone()));
                id = segCount++;
                if (id == segNps.length) {
                    int n = Math.max(16, id * 2);
                    segNps = Arrays.copyOf(segNps, n);
                    segCsat = Arrays.copyOf(segCsat, n);
                    segCes = Arrays.copyOf(segCes, n);
                }
                segNps[id] = c.nps();
                segCsat[id] = c.csat();
                segCes[id] = c.ces();
                cards.put(tuple, id);
            }
            return id;
        }

        private BadInputException tooManySegments(long line) {
            return ReadLimit.SEGMENTS.exceeded(source, line, "more than " + ReadLimit.count(b.maxSegments)
                    + " distinct segments (by " + String.join(", ", segmentation.partNames()) + ")");
        }

        /** The dense id of segment attribute a's value: from its bytes when seen before, else by its text. */
        private int valueId(int a) {
            if (bytes != null) {
                int id = bytes.lookup(a, byteIds[a]);
                if (id >= 0) {
                    return id;
                }
            }
            String v = rows.value(a);
            String part = v.isEmpty() ? NONE : v;
            Map<String, Integer> m = ids.get(a);
            Integer id = m.get(part);
            if (id == null) {
                id = m.size();
                m.put(part, id);
                values.get(a).add(part);
            }
            if (bytes != null) {
                bytes.remember(a, byteIds[a], id);
            }
            return id;
        }

        /** The id of the period of an instant: its local day (offset arithmetic), then a table by day. */
        private int bucket(long epochSecond) {
            int offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset
                    : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
            long day = Math.floorDiv(epochSecond + offset, 86_400L);
            long k = day - dayBase;
            if (k >= 0 && k < dayIds.length && dayIds[(int) k] != 0) {
                return dayIds[(int) k] - 1;
            }
            return newDay(day);
        }

        private int newDay(long day) {
            String label = b.grain.bucketOf(LocalDate.ofEpochDay(day)).label();
            Integer id = labelIds.get(label);
            if (id == null) {
                id = labels.size();
                labelIds.put(label, id);
                labels.add(label);
            }
            // A table of days [dayBase, dayBase + length), grown by a year either side, at most 2^20 days.
            if (day < dayBase || day >= dayBase + dayIds.length) {
                long lo = dayIds.length == 0 ? day - 366 : Math.min(dayBase, day - 366);
                long hi = dayIds.length == 0 ? day + 366 : Math.max(dayBase + dayIds.length, day + 366);
                if (hi - lo > (1 << 20)) {
                    return id; // far outside the table: found by label each time (rare)
                }
                int[] t = new int[(int) (hi - lo)];
                if (dayIds.length > 0) {
                    System.arraycopy(dayIds, 0, t, (int) (dayBase - lo), dayIds.length);
                }
                dayIds = t;
                dayBase = lo;
            }
            dayIds[(int) (day - dayBase)] = id + 1;
            return id;
        }

        /** One answer (or {@code MISSING}) into a score; {@code w} is NaN for unweighted rows. */
        private static void feed(ScoreAccumulator<?, ?> a, int score, double w) {
            boolean weighted = !Double.isNaN(w);
            if (score == MISSING) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        }
    }

    /** Parses a whole number ("7", "-1", "7.0"); MISSING if it is not one. */
    static int parseInt(String v) {
        int len = v.length();
        if (len <= 3) {
            int r = 0;
            int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
            boolean ok = i < len;
            for (int k = i; k < len && ok; k++) {
                char c = v.charAt(k);
                ok = c >= '0' && c <= '9';
                r = r * 10 + (c - '0');
            }
            if (ok) {
                return v.charAt(0) == '-' ? -r : r;
            }
        }
        try {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 1e9) {
                return (int) d;
            }
        } catch (NumberFormatException e) {
            // not a number
        }
        return MISSING;
    }

    /** A rejected row, without a stack trace (rejections can be frequent under SKIP). */
    private static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int selected;
        final String value;
        final String reason;

        Rejection(int selected, String value, String reason, String message) {
            super(message, null, false, false);
            this.selected = selected;
            this.value = value;
            this.reason = reason;
        }
    }

    /**
     * Options of a {@link SurveyReader}. Every setter validates its argument at once.
     */
    public static final class Builder {
        private InputFormat format;
        private ColumnMapping columns = ColumnMapping.auto();
        private List<String> attributes = List.of();
        private TimeGrain grain;
        private ZoneId zone = ZoneId.of("UTC");
        private ErrorPolicy errors = ErrorPolicy.FAIL;
        private ScoreCard scoreCard = ScoreCard.create();
        private Charset charset = StandardCharsets.UTF_8;
        private char delimiter;
        private int maxFieldLength = ReadLimit.FIELD_LENGTH.defaultValue();
        private int maxNestingDepth = ReadLimit.NESTING_DEPTH.defaultValue();
        private int maxColumns = ReadLimit.COLUMNS.defaultValue();
        private int maxSegments = ReadLimit.SEGMENTS.defaultValue();
        private boolean unweighted;
        private int threads = 1;
        private long minPartBytes = 1 << 22;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.format = format;
            c.columns = columns;
            c.attributes = attributes;
            c.grain = grain;
            c.zone = zone;
            c.errors = errors;
            c.scoreCard = scoreCard.emptyCopy();
            c.charset = charset;
            c.delimiter = delimiter;
            c.maxFieldLength = maxFieldLength;
            c.maxNestingDepth = maxNestingDepth;
            c.maxColumns = maxColumns;
            c.maxSegments = maxSegments;
            c.unweighted = unweighted;
            c.threads = threads;
            c.minPartBytes = minPartBytes;
            return c;
        }

        /**
         * The input format; by default taken from the file name, CSV for streams without one.
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(InputFormat format) {
            this.format = Check.notNull(format, "format");
            return this;
        }

        /**
         * The column mapping (default {@link ColumnMapping#auto()}).
         *
         * @param columns the mapping
         * @return this builder
         */
        public Builder columns(ColumnMapping columns) {
            this.columns = Check.notNull(columns, "columns");
            return this;
        }

        /**
         * Splits the scores by the values of these columns (matched case- and space-insensitively).
         *
         * @param columns the column names, in key order; none for overall scores only
         * @return this builder
         */
        public Builder segmentBy(String... columns) {
            Check.notNull(columns, "columns");
            List<String> l = new ArrayList<>();
            for (String c : columns) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("segment column must not be blank: '" + c + "'");
                }
                l.add(c.strip());
            }
            this.attributes = List.copyOf(l);
            return this;
        }

        /**
         * Also splits by calendar period of the time column, in a zone.
         *
         * @param grain the period
         * @param zone the zone of period boundaries and of times without an offset
         * @return this builder
         */
        public Builder period(TimeGrain grain, ZoneId zone) {
            this.grain = Check.notNull(grain, "grain");
            return zone(zone);
        }

        /**
         * The zone for times without an offset and for period boundaries (default UTC).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Check.notNull(zone, "zone");
            return this;
        }

        /**
         * What to do with bad rows (default {@link ErrorPolicy#FAIL}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder errors(ErrorPolicy policy) {
            this.errors = Check.notNull(policy, "policy");
            return this;
        }

        /**
         * The score configuration: scales, NPS bands and missing-answer policies of its three parts
         * (its question ids are ignored; the columns decide).
         *
         * @param prototype the configuration (default {@link ScoreCard#create()})
         * @return this builder
         */
        public Builder scoreCard(ScoreCard prototype) {
            this.scoreCard = Check.notNull(prototype, "prototype").emptyCopy();
            return this;
        }

        /**
         * The same missing-answer policy for NPS, CSAT and CES, keeping the current scales.
         *
         * @param policy the policy (default EXCLUDE)
         * @return this builder
         */
        public Builder missingAnswers(MissingAnswerPolicy policy) {
            Check.notNull(policy, "policy");
            ScoreCard s = scoreCard;
            this.scoreCard = ScoreCard.of(s.questions(), NetPromoterScore.of(s.nps().bands(), policy),
                    CustomerSatisfaction.of(s.csat().scale(), policy), CustomerEffort.of(s.ces().scale(), policy));
            return this;
        }

        /**
         * The charset of CSV files (default UTF-8; a UTF-16 byte-order mark is always honoured, a
         * UTF-8 one skipped). JSON input is always UTF-8/16/32, detected by Jackson.
         *
         * @param charset the charset
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Check.notNull(charset, "charset");
            return this;
        }

        /**
         * The CSV delimiter; by default the most frequent of {@code , ; TAB |} in the header line.
         *
         * @param delimiter the delimiter, not a quote, CR or LF
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == 0) {
                throw new IllegalArgumentException("delimiter must not be a quote, CR, LF or NUL: "
                        + (int) delimiter);
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * The longest field (CSV) or string (JSON) accepted, in characters; longer ones fail the read.
         *
         * @param chars the limit, in [16, 100,000,000]
         * @return this builder
         */
        public Builder maxFieldLength(int chars) {
            this.maxFieldLength = Check.inRange(chars, 16, 100_000_000, "maxFieldLength");
            return this;
        }

        /**
         * The deepest JSON nesting accepted (Jackson's read constraint).
         *
         * @param depth the limit, in [2, 1000]
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = Check.inRange(depth, 2, 1000, "maxNestingDepth");
            return this;
        }

        /**
         * The most fields a CSV row, or keys a JSON object, may have (default 10,000). A longer row
         * is a bad row ({@code "too many columns"}); a longer header fails the read. It bounds the
         * memory of one row, also of the JSON duplicate-key check.
         *
         * @param columns the limit, in [1, 10,000,000]
         * @return this builder
         */
        public Builder maxColumns(int columns) {
            this.maxColumns = Check.inRange(columns, 1, 10_000_000, "maxColumns");
            return this;
        }

        /**
         * The most distinct segments (value tuples of the {@link #segmentBy} columns, with the period)
         * one read may find (default 100,000, which fit in {@code -Xmx192m}: the result keeps about
         * 530 bytes per segment, reading needs about twice that). Memory grows with the number of
         * segments, not rows: a column of ids used as a segment would otherwise exhaust it. A file
         * with more fails with {@code "too many segments"}.
         *
         * @param segments the limit, in [1, 100,000,000]
         * @return this builder
         */
        public Builder maxSegments(int segments) {
            this.maxSegments = Check.inRange(segments, 1, 100_000_000, "maxSegments");
            return this;
        }

        /**
         * Ignores any weight column, found automatically or mapped: every row counts once.
         *
         * @return this builder
         */
        public Builder unweighted() {
            this.unweighted = true;
            return this;
        }

        /**
         * Reads UTF-8 CSV files given as a {@link Path} with up to this many threads: the file is
         * split after line feeds into parts of at least 4 MiB, read in parallel, and the scores
         * combined in file order. Rows, rejections (with their file line numbers) and errors are
         * those of a one-thread read; weighted sums may differ from it in the last bits (they are
         * added in a different order). Streams, other charsets and JSON are read with one thread,
         * and so is a file whose split point falls inside a quoted field (detected, not guessed).
         *
         * @param n the threads, in [1, 256] (default 1)
         * @return this builder
         */
        public Builder threads(int n) {
            this.threads = Check.inRange(n, 1, 256, "threads");
            return this;
        }

        /** The smallest part of a parallel read (for tests of small files). */
        Builder minPartBytes(long bytes) {
            this.minPartBytes = bytes;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public SurveyReader build() {
            return new SurveyReader(this);
        }
    }

    /**
     * The period in use, if any.
     *
     * @return the period grain
     */
    public Optional<TimeGrain> period() {
        return Optional.ofNullable(b.grain);
    }
}
