package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedAccumulator;
import io.cxkit.core.Segmentation;
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
import io.cxkit.survey.SurveyScoresResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One read of survey rows into score accumulators: the export's header resolved to columns, the
 * rows filtered (layout rules, {@code where}), checked and counted, the rejections logged.
 * Memory is bounded by the number of segments. Not thread-safe: a parallel read uses one per part.
 *
 * <p><b>Size.</b> One pass of the survey reader (columns, filters, segments, periods, scores) kept
 * in one class so that the per-row loop keeps its state in fields of one object, without
 * allocation or indirection.
 */
final class ResponseRun {
    static final int MISSING = Integer.MIN_VALUE;
    private static final int BATCH = 256;
    private final SurveyReader.Builder b;
    private final RowSource rows;
    private final String source;
    private final long lineOffset;
    final ExportHeader header;
    private boolean pending;
    private final RejectedRows.Collector rejected = new RejectedRows.Collector();
    private final Map<String, Long> excluded = new LinkedHashMap<>();
    private final int[] col = new int[Role.values().length];
    private final ColumnMapping.Choice[] choices;
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
    private final ZoneId periodZone;
    private final String timeZone;
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
    private final java.time.zone.ZoneRules rules;
    private final int fixedOffset;
    private final boolean commaOnly;
    private final boolean commaToo;
    private final int[] scores = new int[3];
    // Row filters: selected index, the accepted values, and the rule reported for a row left out.
    private final int[] filterCol;
    private final List<Set<String>> filterValues = new ArrayList<>();
    private final String[] filterRule;
    private final boolean[] filterByStatus;

    /**
     * Resolves the columns of a source.
     *
     * @param known the header of an earlier part of the same file, or null to read it from the source
     * @param lineOffset lines before the source's first line (skipped rows), added to the line
     *     numbers of rejected rows (the caller adds them to those of exceptions)
     */
    ResponseRun(SurveyReader.Builder b, RowSource rows, String source, ExportHeader known, long lineOffset) {
        this.b = b;
        this.rows = rows;
        this.source = source;
        this.lineOffset = lineOffset;
        boolean json = rows instanceof JsonSource;
        List<String> names0 = rows.columns();
        if (json) {
            // JSON objects need not all have the same keys: a column named explicitly may first
            // appear after the first object.
            List<String> more = new ArrayList<>(names0);
            List<String> named = new ArrayList<>(b.attributes);
            named.addAll(b.columns.explicit().values());
            named.addAll(b.where.keySet());
            if (b.touchpointColumn != null) {
                named.add(b.touchpointColumn);
            }
            for (String n : named) {
                if (ColumnMapping.find(more, n) < 0) {
                    more.add(n);
                }
            }
            names0 = more;
        }
        this.header = known != null ? known : ExportHeader.read(rows, source, b.layout, b.headerRows, names0);
        this.pending = header.pending;
        List<String> hn = header.names;
        Map<Role, String> layoutColumns = new EnumMap<>(Role.class);
        if (header.layout == ExportLayout.DELIGHTED) {
            layoutColumns.put(Role.NPS, "score");
            layoutColumns.put(Role.TIME, "createdat");
        } else if (header.layout == ExportLayout.ZENDESK) {
            layoutColumns.put(Role.CSAT, "satisfactionscore");
            layoutColumns.put(Role.TIME, "createdat");
        }
        choices = b.columns.resolve(header, source, layoutColumns);
        List<Integer> selected = new ArrayList<>();
        List<String> attrNames = new ArrayList<>();
        if (b.catalog != null) {
            int i = touchpointColumn(hn);
            selected.add(i);
            attrNames.add(b.catalogLevel.label());
            used.put("touchpoint", hn.get(i));
        }
        for (String a : b.attributes) {
            int i = ColumnMapping.find(hn, a);
            if (i < 0) {
                throw ColumnMapping.missing(source, "segment attribute", a, hn);
            }
            selected.add(i);
            attrNames.add(hn.get(i));
            used.put("by:" + hn.get(i), hn.get(i));
        }
        nAttrs = selected.size();
        for (Role r : Role.values()) {
            int i = choices[r.ordinal()].index();
            if ((r == Role.TIME && b.grain == null) || (r == Role.WEIGHT && b.unweighted) || i < 0) {
                col[r.ordinal()] = -1;
                continue;
            }
            col[r.ordinal()] = selected.size();
            selected.add(i);
            used.put(r.key(), hn.get(i));
        }
        if (b.grain != null && col[Role.TIME.ordinal()] < 0) {
            throw ColumnMapping.missing(source, "time, to split by " + b.grain.name().toLowerCase(Locale.ROOT),
                    b.columns.column(Role.TIME).orElse("time"), hn);
        }
        if (!has(Role.NPS) && !has(Role.CSAT) && !has(Role.CES)) {
            throw BadInputException.file(source, 1, "missing column", "no score column: expected a column"
                    + " named like NPS, CSAT or CES (e.g. 'NPS', 'Likelihood to recommend', 'Satisfaction',"
                    + " 'Effort') or an explicit mapping (nps=COLUMN); columns are: " + String.join(", ", hn));
        }
        // Filters: the layout's rules, then the user's.
        List<Integer> fc = new ArrayList<>();
        List<String> fr = new ArrayList<>();
        List<Boolean> fs = new ArrayList<>();
        if (header.layout == ExportLayout.QUALTRICS) {
            int fin = ExportHeader.indexOf(hn, "finished");
            if (fin >= 0) {
                fc.add(selected.size());
                selected.add(fin);
                filterValues.add(Set.of("1", "true"));
                fr.add(hn.get(fin));
                fs.add(true);
            }
            int st = ExportHeader.indexOf(hn, "status");
            if (st >= 0) {
                fc.add(selected.size());
                selected.add(st);
                filterValues.add(Set.of("0", "ipaddress", "16", "offline", "offlineapp"));
                fr.add(hn.get(st));
                fs.add(true);
            }
        }
        for (Map.Entry<String, List<String>> w : b.where.entrySet()) {
            int i = ColumnMapping.find(hn, w.getKey());
            if (i < 0) {
                throw ColumnMapping.missing(source, "where", w.getKey(), hn);
            }
            fc.add(selected.size());
            selected.add(i);
            filterValues.add(Set.copyOf(w.getValue()));
            fr.add(hn.get(i));
            fs.add(false);
        }
        filterCol = fc.stream().mapToInt(Integer::intValue).toArray();
        filterRule = fr.toArray(new String[0]);
        filterByStatus = new boolean[fs.size()];
        for (int k = 0; k < fs.size(); k++) {
            filterByStatus[k] = fs.get(k);
        }
        names = new String[selected.size()];
        int[] fields = new int[selected.size()];
        for (int k = 0; k < fields.length; k++) {
            fields[k] = selected.get(k);
            names[k] = hn.get(fields[k]);
        }
        if (json) {
            rows.select(Arrays.asList(names));
        } else {
            rows.selectFields(fields);
        }
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
        // Times: an export that states its zone (Qualtrics ImportId) is read in it.
        int timeField = choices[Role.TIME.ordinal()].index();
        String stated = timeField >= 0 ? header.zones.get(timeField) : null;
        ZoneId parseZone = b.zone;
        if (stated != null) {
            try {
                parseZone = ZoneId.of(stated);
            } catch (java.time.DateTimeException e) {
                throw BadInputException.file(source, 3, "bad time zone", "the export's timeZone '" + stated
                        + "' is not a zone id");
            }
        }
        periodZone = b.zoneSet || stated == null ? b.zone : parseZone;
        timeZone = has(Role.TIME) ? parseZone.getId() : "";
        rules = periodZone.getRules();
        fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
        timestamps = new Timestamps(parseZone, b.timeFormat);
        char d = rows.delimiter();
        commaOnly = Boolean.TRUE.equals(b.decimalComma);
        commaToo = commaOnly || (b.decimalComma == null && d == ';');
        Segmentation s = Segmentation.of(attrNames.toArray(new String[0]));
        segmentation = b.grain != null ? s.period(b.grain, periodZone) : s;
        ScoreCard proto = b.scoreCard;
        CustomerSatisfaction csat = proto.csat();
        if (header.layout == ExportLayout.ZENDESK && !b.csatScaleSet
                && choices[Role.CSAT.ordinal()].rule().endsWith("layout")) {
            csat = CustomerSatisfaction.of(RatingScale.of(0, 1, 1), csat.missingAnswerPolicy());
        }
        ScoreCard card = ScoreCard.of(SurveyQuestions.of(has(Role.NPS) ? "nps" : null,
                has(Role.CSAT) ? "csat" : null, has(Role.CES) ? "ces" : null), proto.nps(), csat, proto.ces());
        overall = card.emptyCopy();
        segments = SegmentedAccumulator.of(card);
    }

    /** Header names recognised for the touchpoint column of a catalog roll-up (normalised). */
    private static final List<String> TOUCHPOINT_NAMES = List.of("touchpoint", "touchpointid", "touchpointname");

    /** The index of the touchpoint column: the one named, or the first known name. */
    private int touchpointColumn(List<String> hn) {
        if (b.touchpointColumn != null) {
            int i = ColumnMapping.find(hn, b.touchpointColumn);
            if (i < 0) {
                throw ColumnMapping.missing(source, "touchpoint, to roll up through " + b.catalogName,
                        b.touchpointColumn, hn);
            }
            return i;
        }
        for (String known : TOUCHPOINT_NAMES) {
            for (int i = 0; i < hn.size(); i++) {
                if (ColumnMapping.normalize(hn.get(i)).equals(known)) {
                    return i;
                }
            }
        }
        throw BadInputException.file(source, 1, "missing column", "no touchpoint column to roll up through "
                + b.catalogName + ": expected a column named touchpoint, touchpoint_id or touchpoint_name (or name it"
                + " with touchpointColumn); columns are: " + String.join(", ", hn));
    }

    private boolean has(Role r) {
        return col[r.ordinal()] >= 0;
    }

    /** Reads every row into the accumulators; the number of data rows. */
    long count() {
        long n = 0;
        while (pending || rows.next()) {
            pending = false;
            n++;
            RowError problem = rows.rowProblem();
            if (problem != null) {
                reject(problem);
                continue;
            }
            try {
                if (keep()) {
                    row();
                }
            } catch (Rejection r) {
                int i = r.selected;
                reject(new RowError(source, rows.line(), i < 0 ? 0 : rows.column(i),
                        i < 0 ? "" : names[i], r.value, r.reason, r.getMessage()));
            }
        }
        flush();
        return n;
    }

    /** Whether the row passes the filters; counts it as excluded by the first it fails. */
    private boolean keep() {
        for (int k = 0; k < filterCol.length; k++) {
            String v = rows.value(filterCol[k]);
            String key = filterByStatus[k] ? ColumnMapping.normalize(v) : v;
            if (!filterValues.get(k).contains(key)) {
                String rule = filterRule[k] + "=" + v;
                excluded.merge(filterByStatus[k] ? rule : "where " + filterRule[k] + " is not "
                        + String.join("|", new java.util.TreeSet<>(filterValues.get(k))), 1L, Long::sum);
                return false;
            }
        }
        return true;
    }

    /** Merges the read of the next part of the file (whose line numbers start after {@code lines}). */
    void absorb(ResponseRun next, long lines) {
        overall.combine(next.overall);
        segments.combine(next.segments);
        rejected.addAll(next.rejected, lines);
        next.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
    }

    /**
     * The result of {@code n} data rows.
     *
     * @throws BadInputException when no row was counted or no score has an answer (under every
     *     policy), or when more rows were rejected than {@code maxRejected} allows
     */
    private BadInputException tooManySegments(long line) {
        return ReadLimit.SEGMENTS.exceeded(source, line, "more than " + ReadLimit.count(b.maxSegments)
                + " distinct segments (by " + String.join(", ", segmentation.partNames()) + ")");
    }

    SurveyReadResult result(long n) {
        if (n == 0) {
            throw BadInputException.file(source, 0, "no data rows", "the file has a header but no data rows");
        }
        if (segments.size() > b.maxSegments) { // the parts of a parallel read are each within the limit
            throw tooManySegments(0);
        }
        RejectedRows rej = rejected.result();
        if (lineOffset > 0) {
            RejectedRows.Collector c = new RejectedRows.Collector();
            c.addAll(rejected, lineOffset);
            rej = c.result();
        }
        long excl = excluded.values().stream().mapToLong(Long::longValue).sum();
        long counted = n - excl - rej.total();
        String accounting = n + (n == 1 ? " row" : " rows") + " read, " + excl + " excluded"
                + (excluded.isEmpty() ? "" : " " + excluded) + ", " + rej.total() + " rejected"
                + (rej.any() ? " " + rej.counts() : "");
        if (counted == 0) {
            throw BadInputException.file(source, 0, "no rows counted", "no rows counted: " + accounting);
        }
        if (b.maxRejected >= 0 && rej.total() > b.maxRejected) {
            throw BadInputException.file(source, 0, "too many rejected rows", rej.total() + " rejected rows exceed"
                    + " maxRejected " + b.maxRejected + ": " + accounting);
        }
        if (!Double.isNaN(b.maxRejectedShare) && rej.total() > b.maxRejectedShare * n) {
            throw BadInputException.file(source, 0, "too many rejected rows", String.format(Locale.ROOT,
                    "%.1f%% of rows rejected exceeds maxRejected %s%%: %s", 100.0 * rej.total() / n,
                    ReportNumbers.plain(100 * b.maxRejectedShare), accounting));
        }
        ScoreCardResult all = overall.result();
        boolean answered = (has(Role.NPS) && all.nps().n() > 0) || (has(Role.CSAT) && all.csat().n() > 0)
                || (has(Role.CES) && all.ces().n() > 0);
        if (!answered) {
            throw BadInputException.file(source, 0, "no answers", "no answers counted: every score column is empty"
                    + " in the " + counted + " counted rows (" + accounting + ")");
        }
        SegmentedAccumulator<ScoreCard, ScoreCardResult> bySegment = segments;
        Optional<TouchpointRollUp> rollUp = Optional.empty();
        if (b.catalog != null) {
            List<String> seen = segments.keys().stream().map(k -> k.part(0)).distinct().toList();
            rollUp = Optional.of(new TouchpointRollUp(b.catalogName, b.catalog.size(), used.get("touchpoint"),
                    b.catalogLevel, b.catalog.unknown(seen)));
            bySegment = segments.rollUp(b.catalog.rollUp(0, b.catalogLevel));
        }
        SurveyScoresResult report = new SurveyScoresResult(segmentation, all, ScoreCardResult.domains(bySegment.result()));
        return new SurveyReadResult(report, n, rej, used, summary(all, rollUp));
    }

    private InputSummary summary(ScoreCardResult all, Optional<TouchpointRollUp> rollUp) {
        Map<String, String> ruleMap = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            if (has(r)) {
                ruleMap.put(r.key(), choices[r.ordinal()].rule());
            }
        }
        Map<String, String> scales = new LinkedHashMap<>();
        if (has(Role.NPS)) {
            NpsBands nb = overall.nps().bands();
            scales.put("nps", "0-10, detractors 0-" + nb.detractorMax() + ", promoters " + nb.promoterMin() + "-10");
        }
        if (has(Role.CSAT)) {
            RatingScale s = all.csat().scale();
            scales.put("csat", s.min() + "-" + s.max() + ", satisfied >= " + s.threshold());
        }
        if (has(Role.CES)) {
            RatingScale s = all.ces().scale();
            scales.put("ces", s.min() + "-" + s.max() + ", agree >= " + s.threshold());
        }
        String weight = has(Role.WEIGHT) ? used.get("weight") : "unweighted";
        return new InputSummary(header.layout.key(), excluded, ruleMap, weight, scales, timeZone, rollUp);
    }

    private void reject(RowError e) {
        if (b.errors == ErrorPolicy.FAIL) {
            throw new BadInputException(e);
        }
        rejected.add(e);
    }

    /** A row error moved down by {@code lines} lines. */
    static RowError shift(RowError e, long lines) {
        return lines == 0 || e.line() == 0 ? e : new RowError(e.source(), e.line() + lines, e.column(),
                e.columnName(), e.value(), e.reason(), e.message());
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
            return missingAnswer(i, v, policy, what);
        }
        int s = Cells.wholeNumber(v, commaOnly);
        if (s == Cells.NOT_WHOLE && commaToo && !commaOnly) {
            s = Cells.wholeNumber(v, true);
        }
        if (s == Cells.NOT_WHOLE) {
            s = b.labels.score(v, min, max);
            if (s == AnswerLabels.NO_ANSWER) {
                return missingAnswer(i, v, policy, what);
            }
            if (s == AnswerLabels.UNKNOWN) {
                throw new Rejection(i, v, "non-numeric score", what + " score must be a whole number on ["
                        + min + ", " + max + "] or a known answer label (e.g. '10 - Extremely likely',"
                        + " 'Very satisfied', 'Strongly agree'); name others with labels (LABEL=SCORE)");
            }
        }
        if (s < min || s > max) {
            throw new Rejection(i, v, "score out of range", what + " score must be in [" + min + ", " + max
                    + "]: " + s);
        }
        return s;
    }

    private static int missingAnswer(int i, String v, MissingAnswerPolicy policy, String what) {
        if (policy == MissingAnswerPolicy.FAIL) {
            throw new Rejection(i, v, "missing answer", what + " score is missing and the missing-answer"
                    + " policy is FAIL");
        }
        return MISSING;
    }

    private double weight() {
        int i = col[Role.WEIGHT.ordinal()];
        if (i < 0) {
            return Double.NaN;
        }
        if (bytes != null && !commaOnly) {
            double w = bytes.decimal(i);
            if (Check.isWeight(w)) {
                return w;
            }
        }
        String v = rows.value(i);
        if (v.isEmpty()) {
            throw new Rejection(i, v, "empty weight", "weight is empty (every row needs a weight when a"
                    + " weight column is used)");
        }
        double w = Cells.number(v, commaOnly);
        if (Double.isNaN(w) && commaToo && !commaOnly) {
            w = Cells.number(v, true);
        }
        if (Double.isNaN(w)) {
            throw new Rejection(i, v, "non-numeric weight", "weight must be a number (" + (commaOnly
                    ? "digits with an optional sign and decimal comma, e.g. 1,25" : Cells.NUMBER_RULE) + ")");
        }
        if (!Check.isWeight(w)) {
            // beyond [1e-100, 1e100] the squares of weights overflow or underflow (issue 11)
            throw new Rejection(i, v, "bad weight", w > 0 && w < Double.POSITIVE_INFINITY ? Check.weightProblem(w)
                    : "weight must be finite and > 0: " + ReportNumbers.plain(w));
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

    /** The dense id of segment attribute a's value: from its bytes when seen before, else by its text. */
    private int valueId(int a) {
        if (bytes != null) {
            int id = bytes.lookup(a, byteIds[a]);
            if (id >= 0) {
                return id;
            }
        }
        String v = rows.value(a);
        String part = v.isEmpty() ? SurveyReader.NONE : v;
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

    /**
     * The id of the period of an instant: its local day (offset arithmetic), then a table by day.
     * Not cx-survey's {@code BucketBoundaries} on purpose: that one needs the whole time span before
     * the first lookup, and a reader sees its rows' times one by one.
     */
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
}
