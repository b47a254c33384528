package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.core.TimeGrain;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsBands;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ScoreCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads survey exports (CSV, NDJSON, JSON arrays; gzip-compressed or not) row by row straight into
 * score accumulators: memory is bounded by the number of segments, not the number of rows.
 *
 * <pre>{@code
 * SurveyReadResult r = SurveyReader.builder()
 *     .segmentBy("touchpoint")
 *     .period(TimeGrain.MONTH, ZoneId.of("Europe/Berlin"))
 *     .build()
 *     .read(Path.of("responses.csv"));
 * r.report().overall().nps();
 * r.input().weight();   // "unweighted" or the weight column
 * }</pre>
 *
 * <p>The export's layout (plain, Qualtrics, SurveyMonkey, Delighted, Zendesk; see
 * {@link ExportLayout}) is detected from its header unless given; it decides the header rows, the
 * columns and which rows are responses. Columns are found as {@link ColumnMapping} describes.
 *
 * <p>Each row is checked in full before anything is counted: scores must be whole numbers on their
 * scale or answer labels ({@link AnswerLabels}; an empty score is a missing answer, handled by the
 * {@link MissingAnswerPolicy}), the weight (when a weight column is used) finite and &gt; 0, the
 * time parseable when splitting by period, and the row must have as many fields as the header.
 * Under {@link ErrorPolicy#FAIL} the first bad row throws {@link BadInputException} naming file,
 * line, column, value and rule; under {@link ErrorPolicy#SKIP} it is counted in
 * {@link SurveyReadResult#rejected()}. Rows left out by a rule (a layout's, or {@code where}) are
 * not errors: they are counted per rule in {@link InputSummary#excluded()}. A read that counts no
 * row, or no answer, fails under every policy. An empty segment value is read as {@code (none)}.
 *
 * <p>A reader is immutable and may be used for many files, also concurrently.
 *
 * <p><b>Size.</b> The reader's public API and its Builder; the work is in ResponseRun,
 * ColumnMapping and ExportHeader.
 */
public final class SurveyReader {
    /** The segment value used for an empty attribute value. */
    public static final String NONE = "(none)";
    private final Builder b;

    private SurveyReader(Builder b) {
        this.b = b.copy();
    }

    /**
     * A builder with the defaults: automatic format, layout and columns, no segments, UTC, FAIL on
     * bad rows, missing answers excluded, NPS 0–10, CSAT 1–5 top-2 box, CES 1–7, standard answer
     * labels, UTF-8, fields up to 1,000,000 characters, JSON nesting up to 32 levels.
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
        try {
            if (b.threads > 1 && f == InputFormat.CSV && b.charset.equals(StandardCharsets.UTF_8)
                    && Utf8CsvSource.supports(b.delimiter)) {
                SurveyReadResult r = new ParallelCsvRead(b).read(file);
                if (r != null) {
                    return r;
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, String.valueOf(file.getFileName()), f);
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.file(String.valueOf(file), 0, "no such file", "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The parallel read of a file, or null when it is read with one thread (for tests). */
    SurveyReadResult readParallel(Path file) throws IOException {
        return new ParallelCsvRead(b).read(file);
    }

    /**
     * Reads a stream (not closed by this method), e.g. standard input.
     *
     * @param in the bytes (gzip is recognised and decompressed)
     * @param source the name used in messages, e.g. the file name
     * @param format the format
     * @return the scores and the reading report
     * @throws BadInputException for bad input (see the class comment)
     */
    public SurveyReadResult read(InputStream in, String source, InputFormat format) {
        Check.notNull(in, "in");
        Check.notNull(source, "source");
        Check.notNull(format, "format");
        try (RowSource rows = RowSources.open(in, source, format, b.charset, b.delimiter, b.limits(),
                b.skipRows)) {
            ResponseRun run = new ResponseRun(b, rows, source, null, b.skipRows);
            return run.result(run.count());
        } catch (BadInputException e) {
            throw (BadInputException) ParallelCsvRead.rebase(e, b.skipRows);
        }
    }

    /**
     * Options of a {@link SurveyReader}; each has an example in {@code docs/exports.md}. Every
     * setter validates its argument at once.
     */
    public static final class Builder extends TimedReaderOptions<Builder> {
        ColumnMapping columns = ColumnMapping.auto();
        List<String> attributes = List.of();
        TimeGrain grain;
        boolean zoneSet;
        ScoreCard scoreCard = ScoreCard.create();
        boolean csatScaleSet;
        int maxSegments = ReadLimit.SEGMENTS.defaultValue();
        boolean unweighted;
        int threads = 1;
        long minPartBytes = 1 << 22;
        ExportLayout layout;
        AnswerLabels labels = AnswerLabels.standard();
        Boolean decimalComma;
        int headerRows;
        int skipRows;
        Map<String, List<String>> where = Map.of();
        long maxRejected = -1;
        double maxRejectedShare = Double.NaN;
        TouchpointCatalog catalog;
        String catalogName;
        TouchpointCatalog.Level catalogLevel;
        String touchpointColumn;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.format = format;
            c.errors = errors;
            c.zone = zone;
            c.zoneSet = zoneSet;
            c.columns = columns;
            c.attributes = attributes;
            c.grain = grain;
            c.scoreCard = scoreCard.emptyCopy();
            c.csatScaleSet = csatScaleSet;
            c.charset = charset;
            c.delimiter = delimiter;
            c.maxFieldLength = maxFieldLength;
            c.maxNestingDepth = maxNestingDepth;
            c.maxColumns = maxColumns;
            c.maxSegments = maxSegments;
            c.unweighted = unweighted;
            c.threads = threads;
            c.minPartBytes = minPartBytes;
            c.layout = layout;
            c.labels = labels;
            c.timeFormat = timeFormat;
            c.decimalComma = decimalComma;
            c.headerRows = headerRows;
            c.skipRows = skipRows;
            c.where = where;
            c.maxRejected = maxRejected;
            c.maxRejectedShare = maxRejectedShare;
            c.catalog = catalog;
            c.catalogName = catalogName;
            c.catalogLevel = catalogLevel;
            c.touchpointColumn = touchpointColumn;
            return c;
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
         * Splits the scores by the journey stage, CX area or channel of each response's touchpoint:
         * the touchpoint column ({@link #touchpointColumn}, default the column named
         * {@code touchpoint}, {@code touchpoint_id} or {@code touchpoint_name}) is read as a segment
         * attribute and the touchpoints' score cards are merged through the catalog
         * ({@link TouchpointCatalog#rollUp}) into one per {@link TouchpointCatalog#segment}. The
         * segment is the key's first part, named after the level ({@code stage}, {@code area},
         * {@code channel}), ahead of the {@link #segmentBy} columns and the period. A touchpoint the
         * catalog does not hold counts under {@value TouchpointCatalog#UNKNOWN};
         * {@link InputSummary#touchpoints()} names the column, the catalog and those touchpoints.
         * The estimates are those of {@link io.cxkit.survey.SurveyScores} fed the segment directly.
         * {@link #maxSegments} limits the segments before the roll-up (touchpoints times the other
         * parts).
         *
         * @param name the catalog's name in the summary and messages, e.g. its file; not blank
         * @param catalog the catalog
         * @param level stage, area or channel
         * @return this builder
         * @throws NullPointerException if {@code catalog} or {@code level} is null
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder touchpointCatalog(String name, TouchpointCatalog catalog, TouchpointCatalog.Level level) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("touchpoint catalog name must not be blank: '" + name + "'");
            }
            this.catalog = Check.notNull(catalog, "catalog");
            this.catalogLevel = Check.notNull(level, "level");
            this.catalogName = name.strip();
            return this;
        }

        /**
         * The column holding each response's touchpoint id, for {@link #touchpointCatalog}
         * (default: found by name).
         *
         * @param column the header name (matched case- and space-insensitively)
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder touchpointColumn(String column) {
            this.touchpointColumn = columnName("touchpoint", column);
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
         * Also splits by calendar period of the time column, in the zone set by {@link #zone}
         * (default UTC, or the zone an export states, e.g. Qualtrics' ImportId {@code timeZone}).
         *
         * @param grain the period
         * @return this builder
         */
        public Builder period(TimeGrain grain) {
            this.grain = Check.notNull(grain, "grain");
            return this;
        }

        /**
         * The zone for times without an offset and for period boundaries (default UTC). An export
         * that states the zone of its times (Qualtrics' ImportId row) is read in that zone; this
         * zone, when set, still decides the period boundaries.
         *
         * @param zone the zone
         * @return this builder
         */
        @Override
        public Builder zone(ZoneId zone) {
            super.zone(zone);
            this.zoneSet = true;
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
            this.csatScaleSet = true;
            return this;
        }

        /**
         * The CSAT scale and its "satisfied" threshold (default 1–5, satisfied = 4–5), e.g.
         * {@code csatScale(RatingScale.of(1, 3, 3))} for a three-point scale scored top box.
         *
         * @param scale the scale
         * @return this builder
         */
        public Builder csatScale(RatingScale scale) {
            Check.notNull(scale, "scale");
            ScoreCard s = scoreCard;
            this.scoreCard = ScoreCard.of(s.questions(), s.nps(),
                    CustomerSatisfaction.of(scale, s.csat().missingAnswerPolicy()), s.ces());
            this.csatScaleSet = true;
            return this;
        }

        /**
         * The CES scale and its "agree" threshold (default 1–7, agree = 5–7), e.g.
         * {@code cesScale(RatingScale.of(1, 5, 4))}.
         *
         * @param scale the scale
         * @return this builder
         */
        public Builder cesScale(RatingScale scale) {
            Check.notNull(scale, "scale");
            ScoreCard s = scoreCard;
            this.scoreCard = ScoreCard.of(s.questions(), s.nps(), s.csat(),
                    CustomerEffort.of(scale, s.ces().missingAnswerPolicy()));
            return this;
        }

        /**
         * The NPS bands (default detractors 0–6, promoters 9–10), e.g. {@code npsBands(new NpsBands(6, 9))}.
         *
         * @param bands the bands
         * @return this builder
         */
        public Builder npsBands(NpsBands bands) {
            Check.notNull(bands, "bands");
            ScoreCard s = scoreCard;
            this.scoreCard = ScoreCard.of(s.questions(), NetPromoterScore.of(bands, s.nps().missingAnswerPolicy()),
                    s.csat(), s.ces());
            return this;
        }

        /**
         * The export layout, instead of detecting it from the header ({@link ExportLayout#detect}).
         *
         * @param layout the layout
         * @return this builder
         */
        public Builder layout(ExportLayout layout) {
            this.layout = Check.notNull(layout, "layout");
            return this;
        }

        /**
         * How text answers become scores (default {@link AnswerLabels#standard()}), e.g.
         * {@code labels(AnswerLabels.parse("Loved it=5,Hated it=1"))}.
         *
         * @param labels the labels
         * @return this builder
         */
        public Builder labels(AnswerLabels labels) {
            this.labels = Check.notNull(labels, "labels");
            return this;
        }

        /**
         * Whether numbers (weights, scores) are written with a decimal comma ({@code 1,82}). By
         * default a {@code ;}-delimited file accepts both a comma and a point, other files a point.
         *
         * @param comma true for a comma only, false for a point only
         * @return this builder
         */
        public Builder decimalComma(boolean comma) {
            this.decimalComma = comma;
            return this;
        }

        /**
         * The number of header rows including the row of names (default: the layout's own, 1 for
         * plain files); the rows after the first are not data, e.g. {@code headerRows(3)} for a
         * Qualtrics export read as {@link ExportLayout#QUALTRICS}.
         *
         * @param n the rows, in [1, 100]
         * @return this builder
         */
        public Builder headerRows(int n) {
            this.headerRows = Check.inRange(n, 1, 100, "headerRows");
            return this;
        }

        /**
         * Lines to skip before the header row (a title or export note above the table), CSV only.
         *
         * @param n the lines, in [0, 1000]
         * @return this builder
         */
        public Builder skipRows(int n) {
            this.skipRows = Check.inRange(n, 0, 1000, "skipRows");
            return this;
        }

        /**
         * Counts only rows whose column has one of these values (exact text after trimming); the
         * other rows are excluded and reported per rule in {@link InputSummary#excluded()}. Calls
         * for different columns must all hold; a second call for one column replaces the first,
         * e.g. {@code where("Region", "north", "south")}.
         *
         * @param column the column
         * @param values the accepted values, at least one
         * @return this builder
         */
        public Builder where(String column, String... values) {
            String c = ReaderOptions.columnName("where", column);
            Check.notNull(values, "values");
            if (values.length == 0) {
                throw new IllegalArgumentException("where " + c + " needs at least one value");
            }
            Map<String, List<String>> m = new LinkedHashMap<>(where);
            List<String> v = new ArrayList<>();
            for (String s : values) {
                v.add(Check.notNull(s, "value").strip());
            }
            m.put(c, List.copyOf(v));
            this.where = m;
            return this;
        }

        /**
         * Fails a lenient ({@link ErrorPolicy#SKIP}) read with more than this many rejected rows.
         *
         * @param rows the most rejected rows allowed, &gt;= 0
         * @return this builder
         */
        public Builder maxRejected(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("maxRejected must be >= 0: " + rows);
            }
            this.maxRejected = rows;
            return this;
        }

        /**
         * Fails a lenient ({@link ErrorPolicy#SKIP}) read when more than this share of the rows
         * is rejected, e.g. {@code maxRejectedShare(0.01)} for 1%.
         *
         * @param share the largest share allowed, in [0, 1]
         * @return this builder
         */
        public Builder maxRejectedShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("maxRejectedShare must be in [0, 1]: " + share);
            }
            this.maxRejectedShare = share;
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
         * The most distinct segments (value tuples of the {@link #segmentBy} columns, with the period)
         * one read may find (default 100,000, which fit in {@code -Xmx192m}: the result keeps about
         * 530 bytes per segment, reading needs about twice that). Memory grows with the number of
         * segments, not rows: a column of ids used as a segment would otherwise exhaust it. A file
         * with more fails with {@code "too many segments"}, whatever the error policy.
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

        @Override
        Builder self() {
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
